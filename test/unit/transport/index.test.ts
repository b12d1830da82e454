import { NodeApiError } from 'n8n-workflow';

import {
	partnerStackAllItems,
	partnerStackData,
	partnerStackRequest,
} from '../../../nodes/PartnerStack/transport';
import { KEYS } from '../../support/emulator';
import {
	credentialsFor,
	executeContextOnEngine as createContext,
	type EngineContext as TestContext,
} from '../../support/engine';
import { emulatorWith } from '../../support/node';
import { asN8n, caught, closedPort, contextOn } from '../../support/transport';

const emulator = emulatorWith();
let context: TestContext;
beforeEach(() => {
	context = contextOn(emulator);
});

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
