/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @typescript-eslint/no-require-imports -- a benchmark script, not node code */
// `rowByRow` of 10 000 customers against the emulator with 50 ms latency and its 4 000/min rate limit:
// rows/s and requests per minute as a share of the limit, beside a sequential one-request-at-a-time run.
import { cpus } from 'node:os';

import { EmulatorProcess, KEYS } from '../test/support/emulator';
import { credentialsFor, executeContextOnEngine, stopEngine } from '../test/support/engine';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const SEQUENTIAL_ROWS = Number(process.env.BENCH_SEQUENTIAL_ROWS ?? 500);
const LIMIT = 4000;
const LATENCY_MS = 50;

function customersCsv(count: number, prefix: string) {
	const lines = ['customer_key,email,partner_key,name'];
	for (let n = 0; n < count; n++) lines.push(`${prefix}-${n},${prefix}${n}@bench.example,${n % 2 ? 'ada' : 'grace'},Customer ${n}`);
	return Buffer.from(`${lines.join('\n')}\n`);
}

async function run(emulator: EmulatorProcess, csv: Buffer, options: { concurrency: number; requestsPerMinute: number }) {
	const { runImport } = require('../../dist/nodes/PartnerStack/import/engine.js');
	// The import's requests go through n8n-core's own HTTP helpers, as in n8n.
	const context = executeContextOnEngine({ credentials: credentialsFor(emulator.url, KEYS.production) });
	await emulator.clearRequests();
	const started = Date.now();
	const { summary } = await runImport(context, [csv], {
		objectType: 'customers', mode: 'rowByRow', delimiter: ',', ignoreUnknownColumns: false, sendInviteEmails: false,
		checkReferences: false, ...options,
	});
	const seconds = (Date.now() - started) / 1000;
	const requests = await emulator.requests();
	return { summary, seconds, requests: requests.length, rateLimited: requests.filter((r) => r.status === 429).length };
}

async function main() {
	const emulator = await new EmulatorProcess().start(['--latency', String(LATENCY_MS), '--rate-limit', String(LIMIT)]);
	try {
		await emulator.reset({ partnerships: [{ partner_key: 'ada', email: 'ada@example.com' }, { partner_key: 'grace', email: 'grace@example.com' }] });
		await emulator.faults({ latencyMs: LATENCY_MS, rateLimitPerMinute: LIMIT });
		const paced = await run(emulator, customersCsv(ROWS, 'bench'), { concurrency: 8, requestsPerMinute: 3900 });
		const stored = await emulator.state<{ customer_key: string }>('customers');
		const keys = stored.map((c) => c.customer_key).filter((key) => key?.startsWith('bench-'));
		const lost = ROWS - new Set(keys).size;
		const duplicated = keys.length - new Set(keys).size;

		// Fresh window for the sequential baseline: same latency, one request at a time, a sample of rows.
		await emulator.faults({ rateLimitPerMinute: 0 });
		await emulator.faults({ rateLimitPerMinute: LIMIT });
		const sequential = await run(emulator, customersCsv(SEQUENTIAL_ROWS, 'seq'), { concurrency: 1, requestsPerMinute: 0 });

		const perMinute = (result: typeof paced) => (result.requests / result.seconds) * 60;
		console.log(`\nrowByRow benchmark: ${ROWS.toLocaleString('en')} customers, emulator latency ${LATENCY_MS} ms, limit ${LIMIT}/min, ${cpus().length} × ${cpus()[0].model}, Node ${process.version}`);
		console.log('| run | rows | seconds | rows/s | requests/min | share of limit | 429s | imported | failed | lost | duplicated |');
		console.log('|---|---|---|---|---|---|---|---|---|---|---|');
		for (const [name, result, extra] of [
			['paced, 8 at a time (default)', paced, `${lost} | ${duplicated}`],
			['sequential, 1 at a time', sequential, '– | –'],
		] as const) {
			const rows = Number(result.summary.total);
			console.log(`| ${name} | ${rows} | ${result.seconds.toFixed(1)} | ${(rows / result.seconds).toFixed(1)} | ${Math.round(perMinute(result))} | ${((perMinute(result) / LIMIT) * 100).toFixed(1)} % | ${result.rateLimited} | ${result.summary.imported} | ${result.summary.failed} | ${extra} |`);
		}
		console.log(`paced run: ${((perMinute(paced) / LIMIT) * 100).toFixed(1)} % of the rate limit (target ≥ 95 %), ${lost} rows lost, ${duplicated} duplicated (target 0); ${(((Number(paced.summary.total) / paced.seconds)) / (Number(sequential.summary.total) / sequential.seconds)).toFixed(1)}× the sequential speed`);
	} finally {
		await emulator.stop();
		stopEngine();
	}
}

main();
