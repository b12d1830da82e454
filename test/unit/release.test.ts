/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- test code, not node code */
// The release pipeline cannot run here (it runs in GitHub Actions): its workflow files are parsed and held to what the
// README promises. The README's two commands are checked against `.ci/run` and the package's scripts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
type Step = {
	uses?: string;
	run?: string;
	with?: Record<string, string>;
	env?: Record<string, string>;
};
type Workflow = {
	on: Record<string, any>;
	permissions?: Record<string, string>;
	jobs: Record<string, { permissions?: Record<string, string>; steps: Step[]; strategy?: any }>;
};
const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const runs = (steps: Step[]) => steps.map((step) => step.run ?? '').join('\n');
const pkg = JSON.parse(read('package.json'));

describe('ci.yml', () => {
	const ci = workflow('ci.yml');
	const [job] = Object.values(ci.jobs);

	it('runs on pushes to main and on pull requests', () => {
		expect(ci.on.push.branches).toEqual(['main']);
		expect(ci.on).toHaveProperty('pull_request');
	});

	it('installs from the lock file, then lints, builds and runs the unit tests, in that order', () => {
		const commands = runs(job.steps);
		const order = ['npm ci', 'npm run lint', 'npm run build', 'npx jest --selectProjects unit'].map(
			(command) => commands.indexOf(command),
		);
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	it("installs with an npm that honours package.json's allowScripts (npm 11.19+)", () => {
		expect(runs(job.steps).indexOf('npm install -g npm@^11.19')).toBeLessThan(
			runs(job.steps).indexOf('npm ci'),
		);
		expect(runs(job.steps)).toContain('npm install -g npm@^11.19');
	});

	it('covers both Node lines the package supports', () => {
		expect(job.strategy.matrix['node-version']).toEqual(expect.arrayContaining(['20.x', '24.x']));
	});
});

describe('publish.yml', () => {
	const publish = workflow('publish.yml');
	const [job] = Object.values(publish.jobs);

	it('runs only on a version tag', () => {
		expect(Object.keys(publish.on)).toEqual(['push']);
		expect(publish.on.push.tags).toEqual(['v*.*.*']);
		expect(publish.on.push.branches).toBeUndefined();
	});

	it('may mint the OIDC token npm signs the provenance with, and nothing more than reading the repository', () => {
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
	});

	it('publishes with provenance through the release command, after npm ci and the unit tests', () => {
		const commands = runs(job.steps);
		expect(commands.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
		expect(commands.indexOf('npx jest --selectProjects unit')).toBeGreaterThan(
			commands.indexOf('npm ci'),
		);
		expect(commands.indexOf('npm run release')).toBeGreaterThan(
			commands.indexOf('npx jest --selectProjects unit'),
		);
		const release = job.steps.find((step) => step.run?.includes('npm run release'))!;
		expect(release.env?.NPM_CONFIG_PROVENANCE).toBe('true');
		const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node'))!;
		expect(setupNode.with?.['registry-url']).toBe('https://registry.npmjs.org');
	});

	it('checks that the tag names the version in package.json', () => {
		expect(runs(job.steps)).toContain('$GITHUB_REF_NAME');
	});
});

describe('package.json', () => {
	it('releases with n8n-node and refuses a plain npm publish', () => {
		expect(pkg.scripts.release).toBe('n8n-node release');
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
	});

	it('a plain `npm publish` is refused before anything is packed or sent', () => {
		// --dry-run sends nothing; the guard must stop it all the same, since npm runs prepublishOnly first.
		const env = Object.fromEntries(
			Object.entries(process.env).filter(([name]) => !/^(npm_|RELEASE_MODE$)/i.test(name)),
		);
		const result = spawnSync('npm', ['publish', '--dry-run'], {
			cwd: root,
			env,
			encoding: 'utf8',
			timeout: 120_000,
		});
		expect(result.status).not.toBe(0);
		expect(`${result.stdout}${result.stderr}`).toContain('n8n-node prerelease');
	});
});

describe('the README commands', () => {
	const readme = read('README.md');
	const commands = readme
		.slice(readme.indexOf('```bash') + 7, readme.indexOf('```', readme.indexOf('```bash') + 7))
		.trim()
		.split('\n');
	const command = (index: number) => commands[index].split('#')[0].trim();

	it('are the sandbox and `npm ci && npm test`', () => {
		expect(commands.map((_, index) => command(index))).toEqual([
			'npm run sandbox',
			'npm ci && npm test',
		]);
	});

	it('.ci/run runs the test command word for word, with n8n installed into an empty throwaway cache', () => {
		const ci = read('.ci/run');
		expect(ci.split('\n').map((line) => line.trim())).toContain(command(1));
		expect(ci).toMatch(/N8N_E2E_CACHE="\$\(mktemp -d/);
	});
});
