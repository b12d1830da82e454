import {
	RequestPacer,
	mapWithConcurrency,
} from '../../../nodes/PartnerStack/transport/concurrency';
import {
	ASSUMED_RATE_LIMIT_PER_MINUTE,
	PACER_POLICY,
	pacerFor,
} from '../../../nodes/PartnerStack/transport/pacer';
import { partnerStackAllItems, partnerStackRequest } from '../../../nodes/PartnerStack/transport';
import { KEYS } from '../../support/emulator';
import {
	credentialsFor,
	executeContextOnEngine as createContext,
	type EngineContext as TestContext,
} from '../../support/engine';
import { emulatorWith } from '../../support/node';
import { asN8n, caught, contextOn } from '../../support/transport';

const emulator = emulatorWith();
let context: TestContext;
beforeEach(() => {
	context = contextOn(emulator);
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
