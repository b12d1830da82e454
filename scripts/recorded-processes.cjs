// The PID folder: every process a test starts is listed here (one file per PID, holding its command line) while it runs
// (test/support/processes.ts writes them). Whatever a crashed or interrupted run left behind is killed from this list by
// jest's global teardown and by `npm test` (scripts/test.mjs). CommonJS, so both the TypeScript tests and the scripts load it.
const { readdirSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const PID_FOLDER = process.env.PS_TEST_PID_FOLDER || join(__dirname, '..', 'test-results', 'pids');

/** SIGNAL to the process group of `pid` (each recorded process leads its own group), else to the process alone. */
function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		try {
			process.kill(pid, signal);
		} catch {
			// already gone
		}
	}
}

/** A PID can be reused once its process is gone: only a process whose command line is the recorded one is killed. */
function isStillThatProcess(pid, recordedCommand) {
	try {
		const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
		return commandLine.length > 0 && commandLine === recordedCommand;
	} catch {
		return false;
	}
}

/** Kills every process still listed, with its group; returns what it killed. */
function killRecordedProcesses() {
	let files = [];
	try {
		files = readdirSync(PID_FOLDER);
	} catch {
		return [];
	}
	const killed = [];
	for (const file of files) {
		const pid = Number(file);
		if (!Number.isInteger(pid) || pid <= 1) continue;
		const recorded = readFileSync(join(PID_FOLDER, file), 'utf8').trim();
		if (isStillThatProcess(pid, recorded)) {
			killed.push(`${pid} ${recorded}`);
			killGroup(pid, 'SIGKILL');
		}
		rmSync(join(PID_FOLDER, file), { force: true });
	}
	return killed;
}

module.exports = { PID_FOLDER, killGroup, killRecordedProcesses };
