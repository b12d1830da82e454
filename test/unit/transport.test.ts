/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { NodeApiError } from 'n8n-workflow';

import { RequestPacer, mapWithConcurrency } from '../../nodes/PartnerStack/transport/concurrency';
import {
	ASSUMED_RATE_LIMIT_PER_MINUTE,
	PACER_POLICY,
	pacerFor,
} from '../../nodes/PartnerStack/transport/pacer';
import {
	partnerStackAllItems,
	partnerStackData,
	partnerStackRequest,
} from '../../nodes/PartnerStack/transport';
import {
	backoffDelayMs,
	parseRetryAfterMs,
	RETRY_POLICY,
} from '../../nodes/PartnerStack/transport/retry';
import {
	credentialsFor,
	executeContextOnEngine as createContext,
	type EngineContext as TestContext,
} from '../support/engine';
import { EmulatorProcess, KEYS } from '../support/emulator';

const emulator = new EmulatorProcess();
let context: TestContext;
// The transport is typed for n8n's context interfaces; n8n-core's ExecuteContext is their implementation.
const asN8n = (ctx: TestContext) => ctx as never;

beforeAll(async () => {
	await emulator.start();
});
afterAll(async () => {
	await emulator.stop();
});
beforeEach(async () => {
	await emulator.reset();
	context = createContext({ credentials: credentialsFor(emulator.url, KEYS.production) });
});

/** A loopback port nobody listens on: opened, read, closed. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

async function caught(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected a rejection');
}

describe('requests', () => {
	it('authenticates with Basic auth and unwraps the envelope', async () => {
		const gstest = await partnerStackData.call(asN8n(context), 'GET', '/partnerships/gstest');
		expect(gstest).toMatchObject({ partner_key: 'gstest' });
		const [logged] = await emulator.requests();
		expect(logged).toMatchObject({ path: '/api/v2/partnerships/gstest', keyMode: 'production' });
	});

	it('accepts an API URL pasted with a trailing /api/v2/', async () => {
		context = createContext({
			credentials: credentialsFor(`${emulator.url}/api/v2/`, KEYS.production),
		});
		await expect(
			partnerStackData.call(asN8n(context), 'GET', '/partnerships/gstest'),
		).resolves.toMatchObject({ partner_key: 'gstest' });
	});

	it("turns an API error into a NodeApiError with PartnerStack's message and status, and no keys", async () => {
		const error = await caught(
			partnerStackData.call(asN8n(context), 'POST', '/customers', {
				body: { email: 'a@b.co', partner_key: 'ghost', customer_key: 'x' },
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('partner_key ghost not found');
		expect(error.httpCode).toBe('400');
		expect(error.description).toMatch(/POST \/api\/v2\/customers answered HTTP 400/);
		expect(error.description).toMatch(/partner key is the partner's unique key/);
		const serialised = JSON.stringify({
			error,
			message: error.message,
			description: error.description,
			logs: context.logs,
		});
		expect(serialised).not.toContain(KEYS.production.secretKey);
		expect(serialised).not.toContain(
			Buffer.from(`${KEYS.production.publicKey}:${KEYS.production.secretKey}`).toString('base64'),
		);
	});

	it('reports wrong keys as 401 without echoing them', async () => {
		context = createContext({
			credentials: credentialsFor(emulator.url, {
				publicKey: 'pk_live_emulator',
				secretKey: 'sk_wrong_secret',
			}),
		});
		const error = await caught(partnerStackRequest.call(asN8n(context), 'GET', '/groups'));
		expect(error.httpCode).toBe('401');
		expect(JSON.stringify({ error, m: error.message, d: error.description })).not.toContain(
			'sk_wrong_secret',
		);
	});

	it('tells an unreachable host apart, without retrying it', async () => {
		context = createContext({
			credentials: credentialsFor(`http://127.0.0.1:${await closedPort()}`, KEYS.production),
		});
		const error = await caught(partnerStackRequest.call(asN8n(context), 'GET', '/groups'));
		expect(error.message).toBe('PartnerStack could not be reached (ECONNREFUSED)');
		expect(context.requests).toHaveLength(1);
	});
});

describe('retries', () => {
	it('honours Retry-After on 429 and then succeeds', async () => {
		await emulator.faults({ script: [{ status: 429, retryAfter: 1 }] });
		const started = Date.now();
		await expect(
			partnerStackData.call(asN8n(context), 'GET', '/partnerships/gstest'),
		).resolves.toMatchObject({ partner_key: 'gstest' });
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect((await emulator.requests()).map((r) => r.status)).toEqual([429, 200]);
	});

	it('backs off on 429 without Retry-After, on 500/502/503 and on a dropped connection (GET)', async () => {
		await emulator.faults({
			script: [{ status: 429 }, { status: 502 }, { drop: true }, { status: 503 }],
		});
		await expect(
			partnerStackData.call(asN8n(context), 'GET', '/partnerships/gstest'),
		).resolves.toMatchObject({ partner_key: 'gstest' });
		expect((await emulator.requests()).map((r) => r.fault ?? r.status)).toEqual([
			'429',
			'502',
			'drop',
			'503',
			200,
		]);
		expect(context.logs.filter((line) => /retry/.test(line.message))).toHaveLength(4);
	}, 20_000);

	it('gives up after the bounded number of attempts with the last status', async () => {
		await emulator.faults({
			script: Array.from({ length: RETRY_POLICY.maxAttempts }, () => ({
				status: 503,
				retryAfter: 0,
			})),
		});
		const error = await caught(partnerStackRequest.call(asN8n(context), 'GET', '/groups'));
		expect(error.httpCode).toBe('503');
		expect(await emulator.requests()).toHaveLength(RETRY_POLICY.maxAttempts);
	});

	it('does not repeat a POST after a lost connection unless it is idempotent', async () => {
		await emulator.faults({ script: [{ drop: true }] });
		const body = { email: 'x@example.com', partner_key: 'gstest', customer_key: 'once' };
		const error = await caught(
			partnerStackRequest.call(asN8n(context), 'POST', '/customers', { body }),
		);
		expect(error.message).toMatch(/could not be reached/);
		await emulator.faults({ script: [{ drop: true }] });
		await expect(
			partnerStackData.call(asN8n(context), 'POST', '/customers', { body, idempotent: true }),
		).resolves.toMatchObject({ customer_key: 'once' });
		expect(await emulator.state('customers')).toHaveLength(1);
	});

	it('reads Retry-After as seconds or an HTTP date, and backs off exponentially with jitter', () => {
		expect(parseRetryAfterMs('2')).toBe(2000);
		expect(
			parseRetryAfterMs(
				new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(),
				Date.UTC(2030, 0, 1),
			),
		).toBe(10_000);
		expect(parseRetryAfterMs(undefined)).toBeUndefined();
		expect(parseRetryAfterMs('soon')).toBeUndefined();
		expect(backoffDelayMs(1, () => 0)).toBe(250);
		expect(backoffDelayMs(3, () => 1)).toBe(2000);
		expect(backoffDelayMs(20, () => 1)).toBe(RETRY_POLICY.maxDelayMs);
	});
});

describe('paging', () => {
	beforeEach(async () => {
		await emulator.seed({
			customers: Array.from({ length: 1000 }, (_, n) => ({
				customer_key: `k${n}`,
				email: `k${n}@example.com`,
				partner_key: 'gstest',
			})),
		});
		await emulator.clearRequests();
	});

	it('walks 1 000 records in exactly 4 requests of 250 with starting_after', async () => {
		const items = await partnerStackAllItems.call(asN8n(context), '/customers');
		expect(items).toHaveLength(1000);
		expect(new Set(items.map((item) => item.key)).size).toBe(1000);
		const requests = await emulator.requests();
		expect(requests).toHaveLength(4);
		expect(requests.map((r) => r.query.limit)).toEqual(['250', '250', '250', '250']);
		expect(requests[0].query.starting_after).toBeUndefined();
		expect(requests[1].query.starting_after).toBe(items[249].key);
	});

	it('stops at a limit and asks only for what it needs', async () => {
		const items = await partnerStackAllItems.call(asN8n(context), '/customers', {}, 260);
		expect(items).toHaveLength(260);
		expect((await emulator.requests()).map((r) => r.query.limit)).toEqual(['250', '10']);
	});
});

describe('concurrency helpers', () => {
	it('keeps at most N tasks in flight and preserves order', async () => {
		let inFlight = 0;
		let peak = 0;
		const results = await mapWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, async (value) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await new Promise((resolve) => setImmediate(resolve));
			inFlight--;
			return value * 2;
		});
		expect(results).toEqual([2, 4, 6, 8, 10, 12, 14]);
		expect(peak).toBe(3);
	});
});

describe('the pacer', () => {
	it('spreads requests evenly after a small burst, at the ceiling', async () => {
		const pacer = new RequestPacer({ ceilingPerMinute: 1200 }); // one every 50 ms
		const sent: number[] = [];
		for (let n = 0; n < PACER_POLICY.burst + 10; n++) sent.push(await pacer.acquire());
		// A token bucket's promise, whatever the timers do: in any stretch of time T, at most burst + T × rate leave.
		for (let first = 0; first < sent.length; first++) {
			for (let last = first; last < sent.length; last++) {
				expect(last - first + 1).toBeLessThanOrEqual(
					PACER_POLICY.burst + (sent[last] - sent[first]) / 50 + 0.1,
				);
			}
		}
		expect(sent[sent.length - 1] - sent[0]).toBeGreaterThanOrEqual(10 * 50 - 5);
	});

	it('starts at the assumed limit, never above the ceiling, and treats 0 as no ceiling of its own', () => {
		expect(new RequestPacer().rate).toBe(ASSUMED_RATE_LIMIT_PER_MINUTE);
		expect(new RequestPacer({ ceilingPerMinute: 10_000 }).rate).toBe(ASSUMED_RATE_LIMIT_PER_MINUTE);
		expect(new RequestPacer({ ceilingPerMinute: 900 }).rate).toBe(900);
		expect(new RequestPacer({ ceilingPerMinute: 0 }).rate).toBe(ASSUMED_RATE_LIMIT_PER_MINUTE);
	});

	it('slows down once per round trip on 429, then recovers quickly and probes slowly while answers are clean', () => {
		let now = 1_000_000;
		const pacer = new RequestPacer({ ceilingPerMinute: 8000 }, () => now);
		pacer.answered(now - 10, { limited: true, retryAfterMs: 0 });
		expect(pacer.rate).toBe(4000 * PACER_POLICY.decrease);
		// Answers to requests sent before that reaction do not slow it down again.
		pacer.answered(now - 5, { limited: true, retryAfterMs: 0 });
		expect(pacer.rate).toBe(4000 * PACER_POLICY.decrease);
		// Another 429 soon after, to a request sent since: the limit is far below, the cut is deeper.
		now += 100;
		pacer.answered(now - 1, { limited: true, retryAfterMs: 0 });
		expect(pacer.rate).toBeCloseTo(4000 * PACER_POLICY.decrease * PACER_POLICY.largestDecrease);
		const slowest = pacer.rate;
		const rates: number[] = [];
		for (let second = 1; second <= 40; second++) {
			now += PACER_POLICY.adjustEveryMs;
			pacer.answered(now - 1, { limited: false });
			rates.push(pacer.rate);
		}
		// Half the gap to 90 % of the last refused rate each second, then the slow probe past it, which grows
		// with the time since the last 429.
		const recovered = 4000 * PACER_POLICY.decrease * PACER_POLICY.recoverTo;
		expect(rates[0]).toBeCloseTo(slowest + (recovered - slowest) / 2);
		expect(rates[6]).toBeGreaterThan(recovered * 0.99);
		expect(rates[6]).toBeLessThan(recovered * 1.03);
		let probed = 1;
		for (let second = 31; second <= 40; second++)
			probed *=
				1 + (PACER_POLICY.probe - 1) * Math.max(1, (second * 1000) / PACER_POLICY.probeGrowthMs);
		expect(rates[39] / rates[29]).toBeCloseTo(probed, 6);
		expect(pacer.counts.limited).toBe(3);
	});

	it('never slows below 90 % of what PartnerStack accepted in the last minute', () => {
		let now = 0;
		const pacer = new RequestPacer({ ceilingPerMinute: 4000 }, () => now);
		for (let n = 0; n < 1000; n++) {
			now += 40;
			pacer.answered(now, { limited: false });
		}
		for (let round = 0; round < 20; round++) {
			now += 200;
			pacer.answered(now - 1, { limited: true, retryAfterMs: 0 });
		}
		expect(pacer.rate).toBeGreaterThanOrEqual(900 * PACER_POLICY.acceptedFloorShare);
	});

	it('makes everyone wait out a Retry-After', async () => {
		const pacer = new RequestPacer();
		const sentAt = await pacer.acquire();
		pacer.answered(sentAt, { limited: true, retryAfterMs: 400 });
		const started = Date.now();
		await Promise.all([pacer.acquire(), pacer.acquire()]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(390);
	});

	it('is one per context: every request of a run shares it', async () => {
		await partnerStackRequest.call(asN8n(context), 'GET', '/groups');
		await partnerStackAllItems.call(asN8n(context), '/partnerships');
		expect(pacerFor(context).counts.sent).toBe(2);
		const other = createContext({ credentials: credentialsFor(emulator.url, KEYS.production) });
		expect(pacerFor(other)).not.toBe(pacerFor(context));
		expect(pacerFor(other).counts.sent).toBe(0);
	});
});

describe('rate limits', () => {
	it('finds an unannounced lower limit by itself: every request succeeds with few 429s', async () => {
		// A token bucket of 1 200/min (burst 5) without Retry-After, against a pacer that starts at 4 000/min.
		await emulator.faults({
			rateLimitPerMinute: 1200,
			rateLimiter: 'bucket',
			rateLimitBurst: 5,
			retryAfter: 'never',
		});
		await mapWithConcurrency(
			Array.from({ length: 120 }, (_, n) => n),
			4,
			() => partnerStackRequest.call(asN8n(context), 'GET', '/groups'),
		);
		const statuses = (await emulator.requests()).map((r) => r.status);
		expect(statuses.filter((status) => status === 200)).toHaveLength(120);
		expect(statuses.filter((status) => status === 429).length).toBeLessThanOrEqual(12);
		expect(pacerFor(context).rate).toBeLessThan(1200 * 1.2);
	}, 30_000);

	it('keeps retrying a 429 without Retry-After until the wait is used up, then says what to change', async () => {
		await emulator.faults({ script: Array.from({ length: 30 }, () => ({ status: 429 })) });
		pacerFor(context, { rateLimitWaitMs: 2500 });
		const started = Date.now();
		const error = await caught(partnerStackRequest.call(asN8n(context), 'GET', '/groups'));
		expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(/rate limit was hit.*refused for \d+ s.*Requests per Minute/);
		const statuses = (await emulator.requests()).map((r) => r.status);
		expect(statuses.length).toBeGreaterThan(2);
		expect(new Set(statuses)).toEqual(new Set([429]));
	}, 20_000);

	it('does not wait for a Retry-After longer than two minutes', async () => {
		await emulator.faults({ script: [{ status: 429, retryAfter: 3600 }] });
		const error = await caught(partnerStackRequest.call(asN8n(context), 'GET', '/groups'));
		expect(error.description).toMatch(/asked to wait 3600 s/);
		expect(await emulator.requests()).toHaveLength(1);
	});
});
