/* eslint-disable no-console -- test code, not node code: the teardown reports what it had to stop */
// After every jest run, passed or failed: a process a test started and did not stop (its worker crashed or was ended)
// is killed by its recorded PID, so jest, and CI with it, can exit.
import { killRecordedProcesses } from './processes';

export default async function globalTeardown() {
	const killed = killRecordedProcesses();
	if (killed.length)
		console.log(
			`\n[teardown] stopped ${killed.length} process(es) a test left running:\n${killed.join('\n')}`,
		);
}
