/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
import { createServer } from 'node:net';

/** Ports this test process has handed out: a port stays ours until the process ends. */
const handedOut = new Set<number>();

/**
 * A free port for a server a test starts. Jest runs test files in several workers at once: each worker draws
 * from its own range below the OS's ephemeral ports (which outgoing connections and `listen(0)` use), so two
 * workers never pick the same port before either has bound it.
 */
export async function freePort(): Promise<number> {
	const worker = Number(process.env.JEST_WORKER_ID ?? 1);
	const base = 10_000 + ((worker - 1) % 4) * 5_000;
	for (;;) {
		const port = base + 2 * Math.floor(Math.random() * 2_490);
		// n8n 2.x puts its task-runner broker on the next port: picks are even, so port + 1 is never another pick.
		if (handedOut.has(port) || !(await canListen(port)) || !(await canListen(port + 1))) continue;
		handedOut.add(port);
		return port;
	}
}

function canListen(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}
