#!/usr/bin/env node
// `npm test`: build, lint, type-check, n8n's scanner on source and tarball, then every jest test (unit against the
// emulator, end to end in a real n8n). Ends with one line "N passed, N failed" for CI, and always exits by itself:
// whatever a test started and left running (a crash, Ctrl-C) is killed from the PID folder before it exits.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { killRecordedProcesses } = createRequire(import.meta.url)('./recorded-processes.cjs');
const extraJestArgs = process.argv.slice(2);
const steps = [
	['build', 'npm', ['run', '--silent', 'build']],
	['lint', 'npm', ['run', '--silent', 'lint']],
	// ts-jest compiles each file alone (isolatedModules): the tests, emulator helpers and benches are type-checked here.
	['typecheck', 'npx', ['tsc', '-p', 'tsconfig.test.json']],
	['scan', 'npm', ['run', '--silent', 'scan']],
	// --forceExit: a handle some library leaves open must not keep CI waiting once every test has reported.
	[
		'jest',
		'npx',
		['jest', '--forceExit', '--json', '--outputFile=test-results/jest.json', ...extraJestArgs],
	],
];

function reportLeftovers() {
	const killed = killRecordedProcesses();
	if (killed.length)
		console.log(
			`=== stopped ${killed.length} process(es) a test left running:\n${killed.join('\n')}`,
		);
}

let current;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		// Ctrl-C reaches jest too; once the step has ended, what its tests started is killed by PID.
		interrupted = true;
		if (current && current.exitCode === null) current.kill(signal);
		else {
			reportLeftovers();
			process.exit(130);
		}
	});
}

const run = (command, args) =>
	new Promise((done) => {
		current = spawn(command, args, { cwd: root, stdio: 'inherit' });
		current.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
		current.once('error', () => done(1));
	});

mkdirSync(resolve(root, 'test-results'), { recursive: true });
reportLeftovers();
let passed = 0;
let failed = 0;
for (const [name, command, args] of steps) {
	const started = Date.now();
	console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
	const status = await run(command, args);
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (name === 'jest') {
		reportLeftovers();
		try {
			const report = JSON.parse(readFileSync(resolve(root, 'test-results/jest.json'), 'utf8'));
			passed += report.numPassedTests;
			failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
		} catch {
			failed += 1;
		}
		if (status !== 0 && failed === 0) failed += 1;
	} else if (status === 0) {
		passed += 1;
	} else {
		failed += 1;
		console.log(`=== ${name} FAILED`);
	}
	console.log(`=== ${name}: ${status === 0 ? 'ok' : 'failed'} in ${seconds} s`);
	if (interrupted) break;
}
reportLeftovers();
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(interrupted ? 130 : failed === 0 ? 0 : 1);
