import { partnerStackData, partnerStackRequest } from '../../../nodes/PartnerStack/transport';
import {
	backoffDelayMs,
	parseRetryAfterMs,
	RETRY_POLICY,
} from '../../../nodes/PartnerStack/transport/retry';
import type { EngineContext as TestContext } from '../../support/engine';
import { emulatorWith } from '../../support/node';
import { asN8n, caught, contextOn, failEveryAttempt } from '../../support/transport';

const emulator = emulatorWith();
let context: TestContext;
beforeEach(() => {
	context = contextOn(emulator);
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
		await failEveryAttempt(emulator, 503);
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

	it('reads Retry-After as seconds or an HTTP date', () => {
		expect(parseRetryAfterMs('2')).toBe(2000);
		expect(
			parseRetryAfterMs(
				new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(),
				Date.UTC(2030, 0, 1),
			),
		).toBe(10_000);
		expect(parseRetryAfterMs(undefined)).toBeUndefined();
		expect(parseRetryAfterMs('soon')).toBeUndefined();
	});

	it('backs off exponentially with jitter, up to a ceiling', () => {
		expect(backoffDelayMs(1, () => 0)).toBe(250);
		expect(backoffDelayMs(3, () => 1)).toBe(2000);
		expect(backoffDelayMs(20, () => 1)).toBe(RETRY_POLICY.maxDelayMs);
	});
});
