// The build: TypeScript → dist, static files (icons, codex JSON) beside it, and third-party code bundled in,
// because a verified community package may have no runtime dependencies.
const { src, dest, series, parallel } = require('gulp');
const { rmSync } = require('fs');
const { execFileSync } = require('child_process');
const path = require('path');
const esbuild = require('esbuild');
const { writeOutputSchemas } = require('./scripts/output-schemas');

/**
 * csv-parse's core parser lives at a path its `exports` map does not publish; TypeScript (node resolution)
 * finds it, and this resolves it for the bundler.
 */
const csvParseCore = {
	name: 'csv-parse-core',
	setup(build) {
		build.onResolve({ filter: /^csv-parse\/lib\/api\/index\.js$/ }, () => ({
			path: path.join(__dirname, 'node_modules/csv-parse/lib/api/index.js'),
		}));
	},
};

/** Source modules that re-export a devDependency: each is replaced in dist by a self-contained bundle. */
const VENDOR_BUNDLES = [
	{
		entry: 'nodes/PartnerStack/vendor/csvParse.js',
		outfile: 'dist/nodes/PartnerStack/vendor/csvParse.js',
	},
];

function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

function compileTypeScript(done) {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
		stdio: 'inherit',
	});
	done();
}

function copyStaticFiles() {
	return src(['icons/**/*.svg', 'nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

async function bundleVendorModules() {
	await Promise.all(
		VENDOR_BUNDLES.map(({ entry, outfile }) =>
			esbuild.build({
				entryPoints: [entry],
				outfile,
				bundle: true,
				platform: 'node',
				format: 'cjs',
				target: 'node18',
				legalComments: 'inline',
				logLevel: 'warning',
				plugins: [csvParseCore],
			}),
		),
	);
}

function outputSchemas(done) {
	writeOutputSchemas('dist/nodes/PartnerStack');
	done();
}

exports.clean = clean;
exports.build = series(
	clean,
	compileTypeScript,
	parallel(copyStaticFiles, bundleVendorModules),
	outputSchemas,
);
exports.default = exports.build;
