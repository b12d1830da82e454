#!/usr/bin/env node
// The pinned n8n lines for the sandbox and the end-to-end tests, each installed once into a cache folder outside
// the repository, and this package packed and placed where n8n loads community packages.
// n8n 1.x runs on this machine's Node 20; n8n 2.x needs Node 24, which the npm registry ships as a binary package.
//   node scripts/n8n.mjs install [version|1|2|all]   install n8n (cached); `all` installs both lines at once
//   node scripts/n8n.mjs pack                        build and pack this package into test-results/e2e/package
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
// n8n 2.41.3 (latest) cannot be installed here: it needs @n8n/agents@0.26.2, which the registry lacks.
const PINS = JSON.parse(readFileSync(join(import.meta.dirname, 'n8n-lines.json'), 'utf8'));
export const N8N_LINES = PINS.lines;
export const NODE24_VERSION = PINS.node24;
export const resolveN8nVersion = (wanted) => N8N_LINES[wanted] ?? wanted ?? N8N_LINES[1];
export const N8N_VERSION = resolveN8nVersion(process.env.N8N_E2E_VERSION);
const needsNode24 = (version) => Number(version.split('.')[0]) >= 2;
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

const node24Dir = () => join(CACHE_ROOT, `node-${NODE24_VERSION}`, 'node_modules', `node-${process.platform}-${process.arch}`);

/** The Node binary a given n8n runs on: this one for 1.x, the cached Node 24 for 2.x. */
export function n8nNode(version = N8N_VERSION) {
	return needsNode24(version) ? join(node24Dir(), 'bin', 'node') : process.execPath;
}

function npm(args, cwd, env = process.env) {
	const options = { cwd, stdio: 'inherit', env: { ...env, npm_config_yes: 'true' } };
	execFileSync('npm', [...args, '--loglevel=error'], options);
}

/** Node 24 from the registry's binary package (the `node` package would fetch it in an install script). */
function ensureNode24() {
	const dir = join(CACHE_ROOT, `node-${NODE24_VERSION}`);
	if (existsSync(join(dir, '.installed'))) return;
	mkdirSync(dir, { recursive: true });
	const binaryPackage = `node-${process.platform}-${process.arch}`;
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'node24', private: true, dependencies: { [binaryPackage]: NODE24_VERSION } }));
	npm(['install', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
	writeFileSync(join(dir, '.installed'), `${new Date().toISOString()}\n`);
}

/** Installs n8n with the workarounds this machine needs (n8n-conventions §6.3); a marker file makes it once. */
export function ensureN8nInstalled(version = N8N_VERSION) {
	const dir = n8nInstallDir(version);
	if (existsSync(join(dir, '.installed'))) return dir;
	mkdirSync(dir, { recursive: true });
	const node24 = needsNode24(version);
	if (node24) ensureNode24();
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({
			name: 'n8n-harness',
			private: true,
			dependencies: { n8n: version },
			// n8n-nodes-base pins xlsx to a CDN tarball; only the npm registry is reachable. linkedom after
			// 0.18.13 needs a package the registry lacks (n8n 2.x).
			overrides: node24 ? { xlsx: '0.18.5', linkedom: '0.18.13' } : { xlsx: '0.18.5' },
		}),
	);
	console.log(`[n8n] installing n8n ${version} into ${dir} (a few minutes, once)`);
	npm(['install', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
	// Its prebuilt binary cannot be downloaded here: node-gyp builds the bundled SQLite, for the Node n8n runs on.
	if (node24) {
		const env = { ...process.env, PATH: `${join(node24Dir(), 'bin')}:${process.env.PATH}` };
		npm(['rebuild', 'sqlite3', `--nodedir=${node24Dir()}`], dir, env);
	} else {
		npm(['rebuild', 'sqlite3'], dir);
	}
	writeFileSync(join(dir, '.installed'), `${new Date().toISOString()}\n`);
	return dir;
}

/** Both lines at once (two processes): a fresh machine waits for the slower install, not for their sum. */
export async function ensureAllN8nInstalled() {
	const script = import.meta.filename;
	await Promise.all(Object.values(N8N_LINES).map((version) => new Promise((resolve, reject) => {
		const child = execFile(process.execPath, [script, 'install', version], (error) => (error ? reject(error) : resolve()));
		child.stdout.pipe(process.stdout);
		child.stderr.pipe(process.stderr);
	})));
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
	if (command === 'install' && version === 'all') await ensureAllN8nInstalled();
	else if (command === 'install') ensureN8nInstalled(resolveN8nVersion(version));
	else if (command === 'pack') packPackage();
	else {
		console.error('usage: node scripts/n8n.mjs install [version] | pack');
		process.exit(2);
	}
}
