/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
// `npm run sandbox` stops everything it started, by PID: on Ctrl-C, and when it fails half-way. A busy port stops it
// before it starts anything, with a message that names the port and the setting that moves it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8N_LINE, REPO_ROOT } from './support/n8n';
import { freePort } from './support/ports';
import { Sandbox } from './support/sandbox';

jest.setTimeout(300_000);
// What is tested is the sandbox script's own process handling: once, on the 1.x line.
const onLineOne = N8N_LINE === '1' ? describe : describe.skip;

/** Every process whose parent chain leads to `pid`, read from /proc. */
function descendantsOf(pid: number): number[] {
	const parents = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// The command name is in parentheses and may hold spaces: the fields after it are split.
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// gone meanwhile
		}
	}
	const found: number[] = [];
	const walk = (parent: number) => {
		for (const [child, itsParent] of parents) {
			if (itsParent === parent && !found.includes(child)) {
				found.push(child);
				walk(child);
			}
		}
	};
	walk(pid);
	return found;
}

const isAlive = (pid: number) => {
	try {
		// A zombie has no command line left: it is not running.
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').length > 0;
	} catch {
		return false;
	}
};

const processesServing = (port: number) =>
	readdirSync('/proc')
		.filter((entry) => /^\d+$/.test(entry))
		.filter((entry) => {
			try {
				return readFileSync(`/proc/${entry}/cmdline`, 'utf8')
					.split('\0')
					.join(' ')
					.includes(`--port ${port}`);
			} catch {
				return false;
			}
		});

const portIsFree = (port: number) =>
	new Promise<boolean>((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});

/** The sandbox script, run to its end with a given environment (used where it is expected to stop by itself). */
function runSandboxScript(env: Record<string, string>) {
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !/^(JEST_|NODE_ENV$|N8N_(?!E2E_))/.test(name)),
	);
	return spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'sandbox.mjs')], {
		env: { ...inherited, SANDBOX_SKIP_BUILD: '1', SANDBOX_N8N: '1', ...env },
		encoding: 'utf8',
		timeout: 240_000,
	});
}

onLineOne('the sandbox stops what it started', () => {
	it('Ctrl-C sent to the sandbox alone stops the emulator and n8n: no process left, both ports free', async () => {
		const sandbox = await new Sandbox().start();
		const pid = sandbox.pid!;
		const started = descendantsOf(pid);
		// The emulator and n8n at least (n8n may have children of its own).
		expect(started.length).toBeGreaterThanOrEqual(2);
		process.kill(pid, 'SIGINT');
		await sandbox.exited();
		expect(started.filter(isAlive)).toEqual([]);
		expect(await portIsFree(sandbox.n8n.port)).toBe(true);
		expect(await portIsFree(Number(new URL(sandbox.emulator.url).port))).toBe(true);
		await sandbox.stop();
	});

	it('a busy port stops it before anything starts, naming the port and the setting that changes it', async () => {
		const emulatorPort = await freePort();
		const blocker: Server = await new Promise((resolve) => {
			const server = createServer().listen(emulatorPort, '127.0.0.1', () => resolve(server));
		});
		try {
			const result = runSandboxScript({
				PARTNERSTACK_EMULATOR_PORT: String(emulatorPort),
				SANDBOX_N8N_PORT: String(await freePort()),
			});
			expect(result.status).toBe(1);
			expect(result.stderr).toContain(`port ${emulatorPort} (the emulator) is in use`);
			expect(result.stderr).toContain('set PARTNERSTACK_EMULATOR_PORT to another port');
			expect(processesServing(emulatorPort)).toEqual([]);
		} finally {
			await new Promise((resolve) => blocker.close(resolve));
		}
	});

	it('a failure after the emulator started (n8n refuses its data folder) stops the emulator too', async () => {
		const userFolder = mkdtempSync(join(tmpdir(), 'ps-sandbox-broken-'));
		// n8n refuses to start on a data folder made with another encryption key: a realistic half-way failure.
		mkdirSync(join(userFolder, '.n8n'), { recursive: true });
		writeFileSync(
			join(userFolder, '.n8n', 'config'),
			JSON.stringify({ encryptionKey: 'not-the-sandbox-key' }),
		);
		const emulatorPort = await freePort();
		try {
			const result = runSandboxScript({
				SANDBOX_USER_FOLDER: userFolder,
				PARTNERSTACK_EMULATOR_PORT: String(emulatorPort),
				SANDBOX_N8N_PORT: String(await freePort()),
			});
			expect(result.stdout).toContain(`emulator on http://127.0.0.1:${emulatorPort}`);
			expect(result.status).toBe(1);
			expect(result.stderr).toContain('[sandbox] failed');
			expect(processesServing(emulatorPort)).toEqual([]);
			expect(await portIsFree(emulatorPort)).toBe(true);
		} finally {
			rmSync(userFolder, { recursive: true, force: true });
		}
	});
});
