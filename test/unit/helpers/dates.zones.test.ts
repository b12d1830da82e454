/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
// A process reads its time zone once, from TZ at start: to prove the dates mean the same thing on a server east
// and one west of UTC, test/unit/helpers/dates.test.ts runs again in a jest process started in each zone.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { spawnTracked, stopTracked } from '../../support/processes';

jest.setTimeout(180_000);

const REPO_ROOT = join(__dirname, '..', '..', '..');
const running = new Set<ChildProcess>();

// On success each child has exited; on a failure or timeout whatever still runs is stopped by its PID.
afterAll(async () => {
	await Promise.all([...running].map((child) => stopTracked(child, 5000)));
});

interface JestReport {
	success: boolean;
	numTotalTests: number;
	numPassedTests: number;
	testResults: Array<{
		assertionResults: Array<{ title: string; status: string; failureMessages: string[] }>;
	}>;
}

function runDateTestsIn(
	zone: string,
): Promise<{ code: number | null; report?: JestReport; stderr: string }> {
	// The child is a jest of its own: none of this worker's JEST_* variables, the zone under test, its report in a
	// file, and a PID folder of its own (its teardown stops what it started, never what this run started).
	const folder = mkdtempSync(join(tmpdir(), 'ps-dates-tz-'));
	const reportFile = join(folder, 'report.json');
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !name.startsWith('JEST_')),
	);
	const child = spawnTracked(
		process.execPath,
		[
			join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
			'--selectProjects',
			'unit',
			'--runTestsByPath',
			'test/unit/helpers/dates.test.ts',
			'--ci',
			'--json',
			`--outputFile=${reportFile}`,
		],
		{
			cwd: REPO_ROOT,
			env: {
				...env,
				TZ: zone,
				PS_EXPECTED_SERVER_TZ: zone,
				PS_TEST_PID_FOLDER: join(folder, 'pids'),
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	running.add(child);
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (chunk) => (stdout += chunk));
	child.stderr!.on('data', (chunk) => (stderr += chunk));
	return new Promise((resolve) => {
		child.once('exit', (code) => {
			running.delete(child);
			let report: JestReport | undefined;
			try {
				report = JSON.parse(readFileSync(reportFile, 'utf8')) as JestReport;
			} catch {
				report = undefined;
			}
			rmSync(folder, { recursive: true, force: true });
			resolve({ code, report, stderr: `${stderr}${stdout}` });
		});
	});
}

it.each(['Asia/Tokyo', 'America/Los_Angeles'])(
	'every date test passes on a server whose zone is %s',
	async (zone) => {
		const { code, report, stderr } = await runDateTestsIn(zone);
		if (!report?.success)
			throw new Error(`the date tests failed with TZ=${zone}:\n${stderr.slice(-4000)}`);
		expect(code).toBe(0);
		const results = report.testResults.flatMap((file) => file.assertionResults);
		expect(
			results.find((result) => result.title === `runs with the server process in ${zone}`)?.status,
		).toBe('passed');
		expect(report.numPassedTests).toBe(report.numTotalTests);
		expect(report.numTotalTests).toBeGreaterThan(10);
	},
);
