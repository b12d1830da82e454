/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console, @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports -- a benchmark script, not node code */
// `validate` on a generated 1 000 000-row transactions CSV: rows/s and peak RSS, beside csv-parse alone on the
// same file, same chunks. Each measurement runs in a fresh child process (peak RSS is per process).
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const root = join(__dirname, '..', '..');
const file = join(root, 'bench', '.build', `transactions-${ROWS}.csv`);

function generate() {
	if (existsSync(file)) return;
	mkdirSync(join(root, 'bench', '.build'), { recursive: true });
	const lines = ['customer_key,amount_in_cents,created_at,currency,key,product_key'];
	for (let n = 0; n < ROWS; n++) {
		// About 1 % invalid rows, like a real export: bad amount, bad date, a duplicate key.
		const amount = n % 97 === 0 ? '12.5' : String((n * 7919) % 100000);
		const date =
			n % 89 === 0
				? '2021-02-30'
				: `2024-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
		const key = n % 83 === 0 && n > 0 ? `txn-${n - 1}` : `txn-${n}`;
		lines.push(`cust_${n % 5000},${amount},${date},USD,${key},prod_${n % 13}`);
	}
	writeFileSync(file, `${lines.join('\n')}\n`);
}

async function measure(which: 'csv-parse' | 'validate') {
	const { transform } = require('../../dist/nodes/PartnerStack/vendor/csvParse.js');
	const { runImport } = require('../../dist/nodes/PartnerStack/import/engine.js');
	const chunks = createReadStream(file, { highWaterMark: 256 * 1024 });
	const cpuBefore = process.cpuUsage();
	const started = process.hrtime.bigint();
	let rows = 0;
	let summary: Record<string, unknown> = {};
	if (which === 'csv-parse') {
		const parser = transform({ relax_column_count: true, bom: true });
		const push = () => rows++;
		for await (const chunk of chunks) parser.parse(chunk, false, push, () => {});
		parser.parse(undefined, true, push, () => {});
		rows -= 1;
	} else {
		const node = { logger: { info: () => {}, debug: () => {}, warn: () => {} } };
		const result = await runImport(
			node,
			{ chunks, bytes: statSync(file).size },
			{
				objectType: 'transactions',
				mode: 'validate',
				delimiter: ',',
				ignoreUnknownColumns: false,
				sendInviteEmails: false,
				checkReferences: false,
				concurrency: 1,
				requestsPerMinute: 0,
			},
		);
		summary = result.summary;
		rows = Number(summary.total);
	}
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const cpu = process.cpuUsage(cpuBefore);
	// CPU time (all threads, GC helpers included) is steadier than wall time on a shared machine.
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	const peakRssMb = process.resourceUsage().maxRSS / 1024;
	console.log(
		JSON.stringify({
			which,
			rows,
			seconds,
			cpuSeconds,
			rowsPerSecond: Math.round(rows / seconds),
			rowsPerCpuSecond: Math.round(rows / cpuSeconds),
			peakRssMb: Math.round(peakRssMb),
			summary,
		}),
	);
}

async function main() {
	const which = process.argv[2] as 'csv-parse' | 'validate' | undefined;
	if (which) return measure(which);
	generate();
	// This machine's CPU time is shared and noisy: each run is repeated, interleaved, and the median kept.
	const RUNS = Number(process.env.BENCH_RUNS ?? 3);
	const runs: Record<string, Array<Record<string, any>>> = { 'csv-parse': [], validate: [] };
	for (let n = 0; n < RUNS; n++) {
		for (const name of ['csv-parse', 'validate']) {
			runs[name].push(
				JSON.parse(
					execFileSync(process.execPath, [__filename, name], { encoding: 'utf8' })
						.trim()
						.split('\n')
						.pop()!,
				),
			);
		}
	}
	const median = (list: Array<Record<string, any>>) =>
		[...list].sort((a, b) => a.rowsPerSecond - b.rowsPerSecond)[Math.floor(list.length / 2)];
	const results: Array<Record<string, any>> = [
		median(runs['csv-parse']),
		median(runs.validate),
	].map((result, index) => ({
		...result,
		peakRssMb: Math.max(...Object.values(runs)[index].map((run) => run.peakRssMb)),
	}));
	const [alone, validate] = results;
	console.log(
		`\nvalidate benchmark: ${ROWS.toLocaleString('en')} transaction rows, ${(statSync(file).size / 1e6).toFixed(1)} MB, ${cpus().length} × ${cpus()[0].model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
	);
	console.log(`(median of ${RUNS} interleaved runs each; peak RSS is the highest seen)`);
	console.log('| run | rows/s (wall) | rows per CPU-second | seconds | CPU seconds | peak RSS |');
	console.log('|---|---|---|---|---|---|');
	for (const result of results) {
		console.log(
			`| ${result.which} | ${result.rowsPerSecond.toLocaleString('en')} | ${result.rowsPerCpuSecond.toLocaleString('en')} | ${result.seconds.toFixed(2)} | ${result.cpuSeconds.toFixed(2)} | ${result.peakRssMb} MB |`,
		);
	}
	console.log(
		`validate speed = ${((validate.rowsPerSecond / alone.rowsPerSecond) * 100).toFixed(1)} % of csv-parse alone by wall time, ${((validate.rowsPerCpuSecond / alone.rowsPerCpuSecond) * 100).toFixed(1)} % by CPU time (target ≥ 50 %); peak RSS ${validate.peakRssMb} MB (target < 300 MB)`,
	);
	console.log(
		`validate summary: ${JSON.stringify({ total: validate.summary.total, valid: validate.summary.imported, skipped: validate.summary.skipped })}`,
	);
}

main();
