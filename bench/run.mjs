#!/usr/bin/env node
// `npm run bench [-- validate|rowByRow]`: builds the package, bundles each benchmark with esbuild and runs it
// in its own process (so peak RSS is its own). Figures are printed; the README keeps the latest table.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import esbuild from 'esbuild';

const root = join(import.meta.dirname, '..');
const wanted = process.argv.slice(2);
const benches = ['validate', 'rowByRow'].filter((name) => !wanted.length || wanted.includes(name));

execFileSync('npm', ['run', '--silent', 'build'], {
	cwd: root,
	stdio: ['ignore', 'ignore', 'inherit'],
});
const out = join(root, 'bench', '.build');
mkdirSync(out, { recursive: true });
for (const name of benches) {
	const outfile = join(out, `${name}.cjs`);
	await esbuild.build({
		entryPoints: [join(root, 'bench', `${name}.bench.ts`)],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		// n8n's engine (test/support/engine.ts) loads as installed, not bundled.
		external: ['n8n-workflow', 'n8n-core', 'n8n-core/*', '@n8n/di', '../../dist/*'],
		logLevel: 'warning',
		// As in jest.config.js: csv-parse's core is the bundle the build publishes.
		plugins: [
			{
				name: 'published-csv-parse',
				setup(build) {
					build.onResolve({ filter: /\/vendor\/csvParse$/ }, () => ({
						path: join(root, 'dist', 'nodes', 'PartnerStack', 'vendor', 'csvParse.js'),
						external: true,
					}));
				},
			},
		],
	});
	execFileSync(process.execPath, ['--expose-gc', outfile], { cwd: root, stdio: 'inherit' });
}
