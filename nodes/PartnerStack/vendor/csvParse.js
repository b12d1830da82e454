// csv-parse's core parser, bundled into dist by gulpfile.js: a verified community package has no runtime
// dependencies. The core is used rather than csv-parse's Node stream wrapper because it needs neither the
// `stream` module nor timers, which n8n's scanner refuses; the import node feeds it chunks itself.
// (A .js file with a .d.ts beside it: csv-parse does not publish this path in its `exports` map.)
export { CsvError, transform } from 'csv-parse/lib/api/index.js';
