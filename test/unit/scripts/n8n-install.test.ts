/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
// scripts/n8n.mjs must never mark an n8n install ready that cannot run: these run its proof step against install folders
// made to fail the way real ones did (a sqlite3 package whose native binding was never built, an n8n that does not
// answer), and check that npm's own settings are not handed on to the npm it runs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = join(__dirname, '..', '..', '..', 'scripts', 'n8n.mjs');
const VERSION = '1.123.81';

/** Runs a snippet against scripts/n8n.mjs in a fresh Node, with the cache folder given; returns its output or error. */
function withInstaller(cache: string, body: string, env: Record<string, string> = {}) {
	const source = `import * as installer from ${JSON.stringify(script)};\n${body}`;
	try {
		return {
			ok: true,
			output: execFileSync(process.execPath, ['--input-type=module', '-e', source], {
				env: { ...process.env, ...env, N8N_E2E_CACHE: cache },
				encoding: 'utf8',
				stdio: 'pipe',
			}),
		};
	} catch (error) {
		return {
			ok: false,
			output: `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`,
		};
	}
}

/** An install folder with a sqlite3 package (binding built or not) and an n8n whose `--version` says `answer`. */
function fakeInstall(
	cache: string,
	{ bindingBuilt, answer }: { bindingBuilt: boolean; answer: string },
) {
	const dir = join(cache, `n8n-${VERSION}`);
	const sqlite = join(dir, 'node_modules', 'sqlite3');
	mkdirSync(join(sqlite, 'build', 'Release'), { recursive: true });
	writeFileSync(
		join(sqlite, 'package.json'),
		JSON.stringify({ name: 'sqlite3', main: 'sqlite3.js' }),
	);
	// As sqlite3 does: its JavaScript loads the native binding node-gyp builds into build/Release.
	writeFileSync(
		join(sqlite, 'sqlite3.js'),
		"module.exports = require('./build/Release/binding.js'); module.exports.verbose = () => module.exports;",
	);
	if (bindingBuilt)
		writeFileSync(join(sqlite, 'build', 'Release', 'binding.js'), 'module.exports = {};');
	const n8n = join(dir, 'node_modules', 'n8n', 'bin');
	mkdirSync(n8n, { recursive: true });
	writeFileSync(join(n8n, 'n8n'), `console.log(${JSON.stringify(answer)});`);
	return dir;
}

let cache: string;
beforeEach(() => (cache = mkdtempSync(join(tmpdir(), 'ps-n8n-cache-'))));
afterEach(() => rmSync(cache, { recursive: true, force: true }));

it('refuses an install whose SQLite binding was never built, and says what to do', () => {
	const dir = fakeInstall(cache, { bindingBuilt: false, answer: VERSION });
	const result = withInstaller(
		cache,
		`installer.verifyN8nInstall('${VERSION}', ${JSON.stringify(dir)});`,
	);
	expect(result.ok).toBe(false);
	expect(result.output).toContain('the SQLite binding does not load');
	expect(result.output).toContain('not marked ready; run the same command again to repair it');
});

it('refuses an install whose n8n does not answer with its version', () => {
	const dir = fakeInstall(cache, { bindingBuilt: true, answer: 'Error: Cannot find module' });
	const result = withInstaller(
		cache,
		`installer.verifyN8nInstall('${VERSION}', ${JSON.stringify(dir)});`,
	);
	expect(result.ok).toBe(false);
	expect(result.output).toContain('`n8n --version` answered "Error: Cannot find module"');
});

it('accepts an install whose binding loads and whose n8n answers', () => {
	const dir = fakeInstall(cache, { bindingBuilt: true, answer: VERSION });
	expect(
		withInstaller(
			cache,
			`installer.verifyN8nInstall('${VERSION}', ${JSON.stringify(dir)}); console.log('verified');`,
		).output,
	).toContain('verified');
});

it("hands none of npm's own settings (an inherited ignore-scripts) to the npm it runs", () => {
	const result = withInstaller(cache, 'console.log(JSON.stringify(installer.cleanNpmEnv()));', {
		npm_config_ignore_scripts: 'true',
		npm_lifecycle_event: 'test',
	});
	const env = JSON.parse(result.output);
	expect(env.npm_config_ignore_scripts).toBeUndefined();
	expect(env.npm_lifecycle_event).toBeUndefined();
	expect(env.PATH).toBe(process.env.PATH);
});
