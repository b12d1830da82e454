// A generated section of README.md, between its start and end markers: written, or with `--check` compared
// (the unit tests run the check, so the README cannot drift from what it is generated from).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const README = join(import.meta.dirname, '..', 'README.md');

/** `generated` includes both markers; `what` names the section, `source` what it is made from, `script` its generator. */
export function writeReadmeSection({ start, end, generated, what, source, script }) {
	const readme = readFileSync(README, 'utf8');
	const begin = readme.indexOf(start);
	const finish = readme.indexOf(end);
	if (begin === -1 || finish === -1) {
		console.error(`README.md has no ${what} section`);
		process.exit(1);
	}
	const updated = readme.slice(0, begin) + generated + readme.slice(finish + end.length);
	if (process.argv.includes('--check')) {
		if (updated !== readme) {
			console.error(`README.md ${what} are out of date: run node ${script}`);
			process.exit(1);
		}
		console.log(`README ${what} match ${source}`);
	} else {
		writeFileSync(README, updated);
		console.log(`README ${what} written`);
	}
}
