#!/usr/bin/env node
// Runs n8n's verification scanner (analyzePackage from @n8n/scan-community-package) the way the Creator Portal
// does, minus provenance: once on the source, once on what `npm pack` would publish. Exit 1 on any error.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
	'@n8n/scan-community-package/scanner/scanner.mjs'
);

const packDir = mkdtempSync(join(tmpdir(), 'ps-scan-'));
try {
	execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const tarball = execFileSync('sh', ['-c', `ls ${packDir}/*.tgz`])
		.toString()
		.trim();
	const unpacked = join(packDir, 'package');
	execFileSync('tar', ['xzf', tarball, '-C', packDir]);

	const packed = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
	const runtimeDependencies = Object.keys(packed.dependencies ?? {});

	const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
	const tarballResult = await analyzePackage(unpacked, ['**/*.js', 'package.json']);
	for (const [leg, result] of [
		['source', source],
		['tarball', tarballResult],
	]) {
		console.log(`scan ${leg}: ${result.passed ? 'passed, 0 errors' : 'FAILED'}`);
		if (!result.passed) console.log(result.details ?? result.message ?? result);
	}
	console.log(
		`tarball runtime dependencies: ${runtimeDependencies.length ? runtimeDependencies.join(', ') : 'none'}`,
	);
	const ok = source.passed && tarballResult.passed && runtimeDependencies.length === 0;
	process.exit(ok ? 0 : 1);
} finally {
	rmSync(packDir, { recursive: true, force: true });
}
