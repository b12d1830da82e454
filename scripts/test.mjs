#!/usr/bin/env node
// `npm test`: build, lint, type-check, n8n's scanner on source and tarball, then every jest test (unit against the
// emulator, end to end in a real n8n). Ends with one line "N passed, N failed" for CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extraJestArgs = process.argv.slice(2);
const steps = [
	['build', 'npm', ['run', '--silent', 'build']],
	['lint', 'npm', ['run', '--silent', 'lint']],
	// ts-jest compiles each file alone (isolatedModules): the tests, emulator helpers and benches are type-checked here.
	['typecheck', 'npx', ['tsc', '-p', 'tsconfig.test.json']],
	['scan', 'npm', ['run', '--silent', 'scan']],
	['jest', 'npx', ['jest', '--json', '--outputFile=test-results/jest.json', ...extraJestArgs]],
];

mkdirSync(resolve(root, 'test-results'), { recursive: true });
let passed = 0;
let failed = 0;
for (const [name, command, args] of steps) {
	const started = Date.now();
	console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (name === 'jest') {
		try {
			const report = JSON.parse(readFileSync(resolve(root, 'test-results/jest.json'), 'utf8'));
			passed += report.numPassedTests;
			failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
		} catch {
			failed += 1;
		}
		if (result.status !== 0 && failed === 0) failed += 1;
	} else if (result.status === 0) {
		passed += 1;
	} else {
		failed += 1;
		console.log(`=== ${name} FAILED`);
	}
	console.log(`=== ${name}: ${result.status === 0 ? 'ok' : 'failed'} in ${seconds} s`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
