#!/usr/bin/env node
// The pinned n8n lines for the sandbox and the end-to-end tests, each installed once into a cache folder outside
// the repository, and this package packed and placed where n8n loads community packages.
// n8n 1.x runs on this machine's Node 20; n8n 2.x needs Node 24, which the npm registry ships as a binary package.
//   node scripts/n8n.mjs install [version|1|2|all]   install n8n (cached); `all` installs both lines at once
//   node scripts/n8n.mjs pack                        build and pack this package into test-results/e2e/package
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
// n8n 2.41.3 (latest) cannot be installed here: it needs @n8n/agents@0.26.2, which the registry lacks.
const PINS = JSON.parse(readFileSync(join(import.meta.dirname, 'n8n-lines.json'), 'utf8'));
export const N8N_LINES = PINS.lines;
export const NODE24_VERSION = PINS.node24;
export const resolveN8nVersion = (wanted) => N8N_LINES[wanted] ?? wanted ?? N8N_LINES[1];
export const N8N_VERSION = resolveN8nVersion(process.env.N8N_E2E_VERSION);
const needsNode24 = (version) => Number(version.split('.')[0]) >= 2;
export const CACHE_ROOT =
	process.env.N8N_E2E_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-partnerstack');
export const PACKED_PACKAGE = join(REPO_ROOT, 'test-results', 'e2e', 'package');
/** The environment every n8n process of ours runs with (data folder and ports are added per process). */
export const BASE_ENV = JSON.parse(readFileSync(join(import.meta.dirname, 'n8n-env.json'), 'utf8'));

export function n8nInstallDir(version = N8N_VERSION) {
	return join(CACHE_ROOT, `n8n-${version}`);
}

export function n8nBin(version = N8N_VERSION) {
	return join(n8nInstallDir(version), 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Written last, after the install was proven to work; its absence means the folder must be (re)installed. */
const READY_MARKER = '.installed';
const node24Dir = () =>
	join(
		CACHE_ROOT,
		`node-${NODE24_VERSION}`,
		'node_modules',
		`node-${process.platform}-${process.arch}`,
	);

/** The Node binary a given n8n runs on: this one for 1.x, the cached Node 24 for 2.x. */
export function n8nNode(version = N8N_VERSION) {
	return needsNode24(version) ? join(node24Dir(), 'bin', 'node') : process.execPath;
}

/**
 * The environment for every npm we run: npm hands its own settings (a project or user `.npmrc`, e.g.
 * `ignore-scripts=true`) to child processes as `npm_config_*` variables, and an inherited `ignore_scripts` makes
 * `npm rebuild sqlite3` skip node-gyp yet report success. So none of them is passed on; each call says what it needs.
 */
export function cleanNpmEnv(extra = {}) {
	const env = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(name)) env[name] = value;
	}
	return {
		...env,
		npm_config_yes: 'true',
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		...extra,
	};
}

function npm(args, cwd, extraEnv) {
	execFileSync('npm', [...args, '--loglevel=error'], {
		cwd,
		stdio: 'inherit',
		env: cleanNpmEnv(extraEnv),
	});
}

class InstallError extends Error {}

function fail(what, dir, cause) {
	const detail = cause?.stderr?.toString().trim() || cause?.message || '';
	throw new InstallError(
		`[n8n] ${what}.\n${detail ? `  ${detail.split('\n').slice(-5).join('\n  ')}\n` : ''}` +
			`  The install in ${dir} is not marked ready; run the same command again to repair it, or delete ${CACHE_ROOT} ` +
			`to start over (N8N_E2E_CACHE chooses another folder). Node-gyp needs python3, make and g++ (apt-get install python3 make g++).`,
	);
}

/** Proof that an install works, run before it is marked ready: SQLite's binding loads and `n8n --version` answers. */
export function verifyN8nInstall(version, dir) {
	const node = n8nNode(version);
	try {
		execFileSync(node, ['-e', "require('sqlite3'); require('sqlite3').verbose()"], {
			cwd: join(dir, 'node_modules', 'n8n'),
			stdio: 'pipe',
		});
	} catch (error) {
		fail(
			`n8n ${version}: the SQLite binding does not load under ${node} (npm rebuild sqlite3 did not build it)`,
			dir,
			error,
		);
	}
	try {
		const answer = execFileSync(node, [n8nBin(version), '--version'], {
			cwd: dir,
			stdio: 'pipe',
			env: { ...process.env, ...BASE_ENV },
			timeout: 120_000,
		})
			.toString()
			.trim();
		if (!answer.includes(version))
			fail(`n8n ${version}: \`n8n --version\` answered "${answer}"`, dir);
	} catch (error) {
		if (error instanceof InstallError) throw error;
		fail(`n8n ${version}: \`n8n --version\` did not answer`, dir, error);
	}
}

/** Node 24 from the registry's binary package (the `node` package would fetch it in an install script). */
function ensureNode24() {
	const dir = join(CACHE_ROOT, `node-${NODE24_VERSION}`);
	if (existsSync(join(dir, READY_MARKER))) return;
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const binaryPackage = `node-${process.platform}-${process.arch}`;
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({
			name: 'node24',
			private: true,
			dependencies: { [binaryPackage]: NODE24_VERSION },
		}),
	);
	try {
		npm(['install', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
		const answer = execFileSync(join(node24Dir(), 'bin', 'node'), ['--version'])
			.toString()
			.trim();
		if (answer !== `v${NODE24_VERSION}`) throw new Error(`node --version answered ${answer}`);
	} catch (error) {
		fail(
			`Node ${NODE24_VERSION} (for n8n 2.x) could not be installed from the registry's ${binaryPackage} package`,
			dir,
			error,
		);
	}
	writeFileSync(join(dir, READY_MARKER), `${new Date().toISOString()}\n`);
}

/** Waits for another process installing the same folder (two jest projects, a sandbox beside a test run). */
function takeInstallLock(dir) {
	const lock = `${dir}.lock`;
	mkdirSync(dirname(lock), { recursive: true });
	for (;;) {
		try {
			writeFileSync(lock, String(process.pid), { flag: 'wx' });
			return () => rmSync(lock, { force: true });
		} catch {
			const holder = Number(readFileSync(lock, 'utf8') || 0);
			let alive = false;
			try {
				alive = holder > 0 && process.kill(holder, 0);
			} catch {}
			if (!alive) rmSync(lock, { force: true });
			else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
		}
	}
}

/**
 * Installs n8n with the workarounds this machine needs (docs/development.md, "n8n installs"), proves it works, and only
 * then writes the ready marker. A folder without the marker is a failed or partial install: it is removed and redone.
 */
export function ensureN8nInstalled(version = N8N_VERSION) {
	const dir = n8nInstallDir(version);
	if (existsSync(join(dir, READY_MARKER))) return dir;
	const release = takeInstallLock(dir);
	try {
		if (existsSync(join(dir, READY_MARKER))) return dir;
		const node24 = needsNode24(version);
		if (node24) ensureNode24();
		if (existsSync(dir))
			console.log(
				`[n8n] ${dir} has no ready marker (an earlier install failed or stopped): installing again`,
			);
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
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
		try {
			// Install scripts stay off (isolated-vm and others would try to download or build what n8n does not need)...
			npm(['install', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
		} catch (error) {
			fail(`n8n ${version}: npm install failed`, dir, error);
		}
		// ...except SQLite's: its prebuilt binary cannot be downloaded here, so node-gyp builds it for the Node n8n runs on.
		try {
			if (node24) {
				npm(['rebuild', 'sqlite3', '--ignore-scripts=false', `--nodedir=${node24Dir()}`], dir, {
					PATH: `${join(node24Dir(), 'bin')}:${process.env.PATH}`,
				});
			} else {
				npm(['rebuild', 'sqlite3', '--ignore-scripts=false'], dir);
			}
		} catch (error) {
			fail(`n8n ${version}: building SQLite (npm rebuild sqlite3) failed`, dir, error);
		}
		verifyN8nInstall(version, dir);
		writeFileSync(join(dir, READY_MARKER), `${new Date().toISOString()}\n`);
		console.log(
			`[n8n] n8n ${version} installed and verified (SQLite loads, n8n --version answers)`,
		);
		return dir;
	} finally {
		release();
	}
}

/** Both lines at once (two processes): a fresh machine waits for the slower install, not for their sum. */
export async function ensureAllN8nInstalled() {
	const script = import.meta.filename;
	await Promise.all(
		Object.values(N8N_LINES).map(
			(version) =>
				new Promise((resolve, reject) => {
					const child = execFile(process.execPath, [script, 'install', version], (error) =>
						error
							? reject(
									new InstallError(
										`[n8n] installing n8n ${version} failed (its messages are above)`,
									),
								)
							: resolve(),
					);
					child.stdout.pipe(process.stdout);
					child.stderr.pipe(process.stderr);
				}),
		),
	);
}

/** Builds and packs this package, and unpacks it the way n8n installs it. */
export function packPackage() {
	execFileSync('npm', ['run', '--silent', 'build'], {
		cwd: REPO_ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const out = join(REPO_ROOT, 'test-results', 'e2e');
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], {
		cwd: REPO_ROOT,
	})
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
		JSON.stringify({
			name: 'installed-nodes',
			private: true,
			dependencies: { 'n8n-nodes-partnerstack': '*' },
		}),
	);
}

if (process.argv[1] === import.meta.filename) {
	const [command, version] = process.argv.slice(2);
	try {
		if (command === 'install' && version === 'all') await ensureAllN8nInstalled();
		else if (command === 'install') ensureN8nInstalled(resolveN8nVersion(version));
		else if (command === 'pack') packPackage();
		else {
			console.error('usage: node scripts/n8n.mjs install [version] | pack');
			process.exit(2);
		}
	} catch (error) {
		// An install failure says what failed and what to do; the stack adds nothing for the reader.
		console.error(error instanceof InstallError ? error.message : error);
		process.exit(1);
	}
}
