/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console, @typescript-eslint/no-require-imports -- a benchmark script, not node code */
// How close the pacer gets to a rate limit it is not told about, and what it costs in 429s: `rowByRow` of
// 3 000 customers at 50 ms latency under three limiters, and the action node creating 200 customers under the
// token bucket. Each run starts from an empty program, a fresh limiter and a fresh pacer.
import { execSync } from 'node:child_process';
import { cpus } from 'node:os';

import { EmulatorProcess, KEYS } from '../test/support/emulator';
import { credentialsFor, executeContextOnEngine, stopEngine } from '../test/support/engine';

const ROWS = Number(process.env.BENCH_ROWS ?? 3000);
const ACTION_ITEMS = Number(process.env.BENCH_ACTION_ITEMS ?? 200);
const LATENCY_MS = 50;
const PARTNERS = {
	partnerships: [
		{ partner_key: 'ada', email: 'ada@example.com' },
		{ partner_key: 'grace', email: 'grace@example.com' },
	],
};

interface Limiter {
	name: string;
	perMinute: number;
	faults: Record<string, unknown>;
	target: { share: number; limited: number };
}
const LIMITERS: Record<'a' | 'b' | 'c', Limiter> = {
	a: {
		name: '(a) 4 000/min sliding window, Retry-After',
		perMinute: 4000,
		faults: { rateLimiter: 'window', retryAfter: 'always' },
		target: { share: 0.97, limited: 0.01 },
	},
	b: {
		name: '(b) 4 000/min token bucket, burst 40, no Retry-After',
		perMinute: 4000,
		faults: { rateLimiter: 'bucket', rateLimitBurst: 40, retryAfter: 'never' },
		target: { share: 0.97, limited: 0.01 },
	},
	c: {
		name: '(c) unannounced 1 000/min token bucket, burst 10, no Retry-After',
		perMinute: 1000,
		faults: { rateLimiter: 'bucket', rateLimitBurst: 10, retryAfter: 'never' },
		target: { share: 0.9, limited: 0.03 },
	},
};

function customersCsv(count: number) {
	const lines = ['customer_key,email,partner_key,name'];
	for (let n = 0; n < count; n++)
		lines.push(`bench-${n},bench${n}@bench.example,${n % 2 ? 'ada' : 'grace'},Customer ${n}`);
	return Buffer.from(`${lines.join('\n')}\n`);
}

async function fresh(emulator: EmulatorProcess, limiter: Limiter, latencyMs: number) {
	await emulator.reset(PARTNERS);
	await emulator.faults({ latencyMs, rateLimitPerMinute: limiter.perMinute, ...limiter.faults });
	await emulator.clearRequests();
}

async function outcome(
	emulator: EmulatorProcess,
	count: number,
	seconds: number,
	limiter: Limiter,
) {
	const requests = await emulator.requests();
	const keys = (await emulator.state<{ customer_key: string }>('customers'))
		.map((c) => c.customer_key)
		.filter((key) => key?.startsWith('bench-'));
	const limited = requests.filter((r) => r.status === 429).length;
	return {
		seconds,
		rowsPerSecond: count / seconds,
		share: count / seconds / (limiter.perMinute / 60),
		requests: requests.length,
		limited,
		limitedShare: limited / requests.length,
		lost: count - new Set(keys).size,
		duplicated: keys.length - new Set(keys).size,
	};
}

async function importUnder(emulator: EmulatorProcess, limiter: Limiter, rows = ROWS) {
	const { runImport } = require('../../dist/nodes/PartnerStack/import/engine.js');
	const { pacerFor } = require('../../dist/nodes/PartnerStack/transport/index.js');
	await fresh(emulator, limiter, LATENCY_MS);
	// The import's requests go through n8n-core's own HTTP helpers, as in n8n.
	const context = executeContextOnEngine({
		credentials: credentialsFor(emulator.url, KEYS.production),
	});
	const started = Date.now();
	const { summary } = await runImport(
		context,
		{ chunks: [customersCsv(rows)] },
		{
			objectType: 'customers',
			mode: 'rowByRow',
			delimiter: ',',
			ignoreUnknownColumns: false,
			sendInviteEmails: false,
			checkReferences: false,
			concurrency: 8,
			requestsPerMinute: 4000,
		},
	);
	const result = await outcome(emulator, rows, (Date.now() - started) / 1000, limiter);
	return {
		...result,
		failed: Number(summary.failed) + Number(summary.skipped),
		pacedPerMinute: Math.round(pacerFor(context).rate),
	};
}

async function actionNodeUnder(emulator: EmulatorProcess, limiter: Limiter, latencyMs: number) {
	const { PartnerStack } = require('../../dist/nodes/PartnerStack/PartnerStack.node.js');
	await fresh(emulator, limiter, latencyMs);
	const items = Array.from({ length: ACTION_ITEMS }, (_, n) => ({ json: { n } }));
	// n8n-core's ExecuteContext (item parameters as expressions on each item, continueOnFail as the node setting).
	const context = executeContextOnEngine({
		credentials: credentialsFor(emulator.url, KEYS.production),
		parameters: { resource: 'customer', operation: 'create', partnerKey: 'ada', simplify: true },
		items,
		itemParameters: items.map((_, n) => ({
			email: `bench${n}@action.example`,
			customerKey: `bench-${n}`,
		})),
		continueOnFail: true,
	});
	const started = Date.now();
	const [output] = await new PartnerStack().execute.call(context);
	const result = await outcome(emulator, ACTION_ITEMS, (Date.now() - started) / 1000, limiter);
	const { pacerFor } = require('../../dist/nodes/PartnerStack/transport/index.js');
	const failed = output.filter(
		(item: { json: { error?: unknown } }) => item.json.error !== undefined,
	).length;
	return { ...result, failed, pacedPerMinute: Math.round(pacerFor(context).rate) };
}

function cpuModel() {
	try {
		return execSync("grep -m1 'model name' /proc/cpuinfo", { encoding: 'utf8' })
			.split(':')[1]
			.trim();
	} catch {
		return cpus()[0].model;
	}
}

async function main() {
	const emulator = await new EmulatorProcess().start();
	const rows: string[] = [];
	const verdicts: string[] = [];
	const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
	const report = (
		run: string,
		limiter: Limiter,
		result: Awaited<ReturnType<typeof importUnder>>,
		count: number,
	) => {
		rows.push(
			`| ${run} | ${limiter.name} | ${count} | ${result.seconds.toFixed(1)} | ${result.rowsPerSecond.toFixed(1)} | **${result.share.toFixed(3)}** | ${result.requests} | **${result.limited} (${percent(result.limitedShare)})** | ${result.failed} | ${result.lost} | ${result.duplicated} | ${result.pacedPerMinute} |`,
		);
	};
	try {
		// Untimed warm-up: both processes compile their hot paths before anything is measured.
		await importUnder(emulator, { ...LIMITERS.a, perMinute: 0 }, 300);
		for (const key of ['a', 'b', 'c'] as const) {
			const limiter = LIMITERS[key];
			const result = await importUnder(emulator, limiter);
			report(`rowByRow, ${LATENCY_MS} ms`, limiter, result, ROWS);
			const met =
				result.share >= limiter.target.share &&
				result.limitedShare <= limiter.target.limited &&
				!result.lost &&
				!result.duplicated &&
				!result.failed;
			verdicts.push(
				`${key}: ${result.share.toFixed(3)} of the limit (target ≥ ${limiter.target.share}), ${percent(result.limitedShare)} answered 429 (target ≤ ${percent(limiter.target.limited)}), ${result.lost} lost, ${result.duplicated} duplicated: ${met ? 'met' : 'NOT MET'}`,
			);
		}
		for (const latency of [LATENCY_MS, 0]) {
			const result = await actionNodeUnder(emulator, LIMITERS.b, latency);
			report(`action node, customer create, ${latency} ms`, LIMITERS.b, result, ACTION_ITEMS);
			const met =
				result.failed === 0 && result.limitedShare <= 0.01 && !result.lost && !result.duplicated;
			verdicts.push(
				`action node at ${latency} ms: ${result.failed} failed, ${percent(result.limitedShare)} answered 429 (target 0 failed, ≤ 1 %): ${met ? 'met' : 'NOT MET'}`,
			);
		}
	} finally {
		await emulator.stop();
		stopEngine();
	}
	console.log(
		`\npacing benchmark: ${cpus().length} × ${cpuModel()} (nproc ${cpus().length}), Node ${process.version}`,
	);
	console.log(
		'| run | limiter | rows | seconds | rows/s | share of limit | requests | answered 429 | failed | lost | duplicated | pacer at the end (/min) |',
	);
	console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
	for (const row of rows) console.log(row);
	for (const verdict of verdicts) console.log(verdict);
}

main();
