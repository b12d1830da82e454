/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
// Every process a test starts (emulator, n8n, the sandbox, Redis, PostgreSQL) is started here, and so is stopped by its
// PID whatever happens to the test:
// - on success and on failure, by the test's own stop() (SIGTERM to the process group, SIGKILL after a grace period);
// - when the jest worker ends without that (a crash, a timeout, jest ending its workers), by this worker's exit handlers;
// - when everything else was skipped (the run interrupted with Ctrl-C, a worker killed outright), by jest's global
//   teardown and by `npm test` itself, which kill every process still listed in the PID folder.
// Each child gets its own process group (`detached`), so stopping it also stops what it started (n8n's task runners,
// the sandbox's emulator and n8n).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS shared with scripts/test.mjs
const recorded = require('../../scripts/recorded-processes.cjs') as {
	PID_FOLDER: string;
	killGroup: (pid: number, signal: NodeJS.Signals) => void;
	killRecordedProcesses: () => string[];
};
/** One file per live process, named by its PID and holding its command line; scripts/test.mjs reads the same folder. */
export const PID_FOLDER = recorded.PID_FOLDER;
export const killRecordedProcesses = recorded.killRecordedProcesses;
const killGroup = recorded.killGroup;

const live = new Set<ChildProcess>();

function killAllNow() {
	for (const child of live) if (child.pid) killGroup(child.pid, 'SIGKILL');
	live.clear();
}

let handlersInstalled = false;
function installExitHandlers() {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.on('exit', killAllNow);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			killAllNow();
			process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[signal]);
		});
	}
}

/** `spawn` in a process group of its own, recorded until it exits. */
export function spawnTracked(
	command: string,
	args: string[],
	options: SpawnOptions = {},
): ChildProcess {
	installExitHandlers();
	const child = spawn(command, args, { ...options, detached: true });
	if (child.pid === undefined) return child;
	live.add(child);
	mkdirSync(PID_FOLDER, { recursive: true });
	const pidFile = join(PID_FOLDER, String(child.pid));
	// As /proc/<pid>/cmdline shows it once exec'd, so a reused PID is never mistaken for this process.
	writeFileSync(pidFile, `${[command, ...args].join(' ')}\n`);
	child.once('exit', () => {
		live.delete(child);
		rmSync(pidFile, { force: true });
	});
	return child;
}

/** SIGTERM (or `signal`) to the child's group, SIGKILL after `graceMs`; resolves once it has exited. */
export async function stopTracked(
	child: ChildProcess | undefined,
	graceMs = 20_000,
	signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
	if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	killGroup(child.pid, signal);
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
	clearTimeout(timer);
	if (child.exitCode === null && child.signalCode === null) {
		killGroup(child.pid, 'SIGKILL');
		await exited;
	}
	// Whatever the child left in its group (a runner n8n did not stop) goes too.
	killGroup(child.pid, 'SIGKILL');
}
