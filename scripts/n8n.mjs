#!/usr/bin/env node
// A pinned n8n for the sandbox and the end-to-end tests, installed once into a cache folder outside the
// repository, and this package packed and placed where n8n loads community packages.
//   node scripts/n8n.mjs install [version]   install n8n (cached)
//   node scripts/n8n.mjs pack                build and pack this package into test-results/e2e/package
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const N8N_VERSION = process.env.N8N_E2E_VERSION ?? '1.123.81';
export const CACHE_ROOT = process.env.N8N_E2E_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-partnerstack');
export const PACKED_PACKAGE = join(REPO_ROOT, 'test-results', 'e2e', 'package');
/** The environment every n8n process of ours runs with (data folder and ports are added per process). */
export const BASE_ENV = JSON.parse(readFileSync(join(import.meta.dirname, 'n8n-env.json'), 'utf8'));

export function n8nInstallDir(version = N8N_VERSION) {
	return join(CACHE_ROOT, `n8n-${version}`);
}

export function n8nBin(version = N8N_VERSION) {
	return join(n8nInstallDir(version), 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Installs n8n with the workarounds this machine needs (n8n-conventions §6.3); a marker file makes it once. */
export function ensureN8nInstalled(version = N8N_VERSION) {
	const dir = n8nInstallDir(version);
	if (existsSync(join(dir, '.installed'))) return dir;
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({
			name: 'n8n-harness',
			private: true,
			dependencies: { n8n: version },
			// n8n-nodes-base pins xlsx to a CDN tarball; only the npm registry is reachable.
			overrides: { xlsx: '0.18.5' },
		}),
	);
	console.log(`[n8n] installing n8n ${version} into ${dir} (a few minutes, once)`);
	const options = { cwd: dir, stdio: 'inherit', env: { ...process.env, npm_config_yes: 'true' } };
	execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], options);
	// Its prebuilt binary cannot be downloaded here: node-gyp builds the bundled SQLite instead.
	execFileSync('npm', ['rebuild', 'sqlite3', '--loglevel=error'], options);
	writeFileSync(join(dir, '.installed'), `${new Date().toISOString()}\n`);
	return dir;
}

/** Builds and packs this package, and unpacks it the way n8n installs it. */
export function packPackage() {
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const out = join(REPO_ROOT, 'test-results', 'e2e');
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: REPO_ROOT })
		.toString()
		.trim()
		.split('\n')
		.pop();
	execFileSync('tar', ['xzf', join(out, tarball), '-C', out]);
	return PACKED_PACKAGE;
}

/** Places the packed package in `<userFolder>/.n8n/nodes`, where n8n loads community packages from. */
export function installPackageInto(userFolder) {
	const nodes = join(userFolder, '.n8n', 'nodes');
	const target = join(nodes, 'node_modules', 'n8n-nodes-partnerstack');
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	cpSync(PACKED_PACKAGE, target, { recursive: true });
	writeFileSync(
		join(nodes, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { 'n8n-nodes-partnerstack': '*' } }),
	);
}

if (process.argv[1] === import.meta.filename) {
	const [command, version] = process.argv.slice(2);
	if (command === 'install') ensureN8nInstalled(version);
	else if (command === 'pack') packPackage();
	else {
		console.error('usage: node scripts/n8n.mjs install [version] | pack');
		process.exit(2);
	}
}
