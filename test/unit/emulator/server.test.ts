/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not node code */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sleep } from 'n8n-workflow';

import { EmulatorProcess, KEYS } from '../../support/emulator';

const emulator = new EmulatorProcess();

beforeAll(async () => {
	await emulator.start();
});
afterAll(async () => {
	await emulator.stop();
});
beforeEach(async () => {
	await emulator.reset();
});

async function createPartner(
	email: string,
	extra: Record<string, unknown> = {},
	keys = KEYS.production,
) {
	const { body } = await emulator.api('POST', '/api/v2/partnerships', { email, ...extra }, keys);
	return body.data;
}

describe('authentication and envelope', () => {
	it('refuses missing and wrong keys with 401 {message,status}', async () => {
		const missing = await fetch(`${emulator.url}/api/v2/partnerships`);
		expect(missing.status).toBe(401);
		expect(await missing.json()).toEqual({ message: expect.any(String), status: 401 });
		const wrong = await emulator.api('GET', '/api/v2/partnerships', undefined, {
			publicKey: 'pk_live_emulator',
			secretKey: 'nope',
		});
		expect(wrong.status).toBe(401);
	});

	it('wraps objects in {data, message, status} and lists in {items, has_more}', async () => {
		const { status, body } = await emulator.api('GET', '/api/v2/partnerships');
		expect(status).toBe(200);
		expect(body).toMatchObject({
			status: 200,
			message: expect.any(String),
			data: { has_more: false },
		});
		// JSON from fetch lives in another realm than jest's Array, so check the list shape structurally.
		expect(Array.isArray(body.data.items)).toBe(true);
	});

	it('has the built-in test partner gstest and stamps test:true on objects made with test keys', async () => {
		const gstest = await emulator.api('GET', '/api/v2/partnerships/gstest');
		expect(gstest.body.data).toMatchObject({ partner_key: 'gstest', test: true });
		const customer = await emulator.api(
			'POST',
			'/api/v2/customers',
			{ email: 't@example.com', partner_key: 'gstest', customer_key: 'tc1' },
			KEYS.test,
		);
		expect(customer.body.data.test).toBe(true);
		const live = await createPartner('live@example.com');
		expect(live.test).toBe(false);
	});

	it('answers 404 for unknown keys and routes', async () => {
		expect((await emulator.api('GET', '/api/v2/customers/nope')).status).toBe(404);
		expect((await emulator.api('GET', '/api/v2/nothing-here')).status).toBe(404);
	});
});

describe('cursor paging', () => {
	beforeEach(async () => {
		await emulator.seed({
			customers: Array.from({ length: 25 }, (_, n) => ({
				customer_key: `c${n}`,
				email: `c${n}@example.com`,
				partner_key: 'gstest',
			})),
		});
	});

	it('defaults to 10 newest first and walks with starting_after', async () => {
		const first = await emulator.api('GET', '/api/v2/customers');
		expect(first.body.data.items).toHaveLength(10);
		expect(first.body.data.items[0].customer_key).toBe('c24');
		expect(first.body.data.has_more).toBe(true);
		const last = first.body.data.items[9].key;
		const second = await emulator.api('GET', `/api/v2/customers?limit=20&starting_after=${last}`);
		expect(second.body.data.items.map((c: { customer_key: string }) => c.customer_key)).toEqual(
			Array.from({ length: 15 }, (_, n) => `c${14 - n}`),
		);
		expect(second.body.data.has_more).toBe(false);
	});

	it('pages backwards with ending_before and refuses both cursors together', async () => {
		const page = await emulator.api('GET', '/api/v2/customers?limit=5&order_by=created_at');
		const fifth = page.body.data.items[4].key;
		const before = await emulator.api(
			'GET',
			`/api/v2/customers?limit=2&order_by=created_at&ending_before=${fifth}`,
		);
		expect(before.body.data.items.map((c: { customer_key: string }) => c.customer_key)).toEqual([
			'c2',
			'c3',
		]);
		expect(before.body.data.has_more).toBe(true);
		const both = await emulator.api(
			'GET',
			`/api/v2/customers?starting_after=${fifth}&ending_before=${fifth}`,
		);
		expect(both.status).toBe(400);
	});

	it.each(['0', '251', 'abc'])('refuses limit=%s with 400', async (limit) => {
		const answer = await emulator.api('GET', `/api/v2/customers?limit=${limit}`);
		expect(answer.status).toBe(400);
		expect(answer.body.message).toMatch(/limit/);
	});

	it('filters by min/max created and updated in epoch ms', async () => {
		const all = (await emulator.api('GET', '/api/v2/customers?limit=250&order_by=created_at')).body
			.data.items;
		const pivot = all[10].created_at;
		const newer = await emulator.api('GET', `/api/v2/customers?limit=250&min_created=${pivot}`);
		expect(newer.body.data.items).toHaveLength(15);
		const older = await emulator.api('GET', `/api/v2/customers?limit=250&max_created=${pivot - 1}`);
		expect(older.body.data.items).toHaveLength(10);
		await emulator.api('PATCH', `/api/v2/customers/c3`, { name: 'Changed' });
		const changed = await emulator.api(
			'GET',
			`/api/v2/customers?min_updated=${Date.now() - 5000}&max_updated=${Date.now() + 5000}&limit=250`,
		);
		expect(changed.body.data.items.length).toBeGreaterThanOrEqual(1);
		const onlyNew = await emulator.api(
			'GET',
			`/api/v2/customers?min_updated=${all[24].updated_at + 1}`,
		);
		expect(onlyNew.body.data.items.map((c: { customer_key: string }) => c.customer_key)).toEqual([
			'c3',
		]);
	});
});

describe('validation like the real API', () => {
	it('customers need email and an existing partner_key', async () => {
		const noEmail = await emulator.api('POST', '/api/v2/customers', {
			partner_key: 'gstest',
			customer_key: 'x',
		});
		expect(noEmail).toMatchObject({
			status: 400,
			body: { message: "'email' is a required property" },
		});
		const badPartner = await emulator.api('POST', '/api/v2/customers', {
			email: 'a@b.co',
			partner_key: 'ghost',
			customer_key: 'x',
		});
		expect(badPartner).toMatchObject({
			status: 400,
			body: { message: 'partner_key ghost not found' },
		});
	});

	it('transactions need exactly one customer reference, an integer amount and a 3-letter currency', async () => {
		await createPartner('p@example.com', { partner_key: 'p1' });
		await emulator.api('POST', '/api/v2/customers', {
			email: 'c@example.com',
			partner_key: 'p1',
			customer_key: 'c1',
		});
		const none = await emulator.api('POST', '/api/v2/transactions', {
			amount: 100,
			currency: 'USD',
		});
		expect(none.status).toBe(400);
		const two = await emulator.api('POST', '/api/v2/transactions', {
			customer_external_key: 'c1',
			customer_email: 'c@example.com',
			amount: 100,
			currency: 'USD',
		});
		expect(two.status).toBe(400);
		const float = await emulator.api('POST', '/api/v2/transactions', {
			customer_external_key: 'c1',
			amount: 10.5,
			currency: 'USD',
		});
		expect(float.body.message).toMatch(/integer/);
		const currency = await emulator.api('POST', '/api/v2/transactions', {
			customer_external_key: 'c1',
			amount: 100,
			currency: 'US',
		});
		expect(currency.status).toBe(400);
		const ok = await emulator.api('POST', '/api/v2/transactions', {
			customer_external_key: 'c1',
			amount: -500,
			currency: 'cad',
			key: 'tx-1',
		});
		expect(ok.body.data).toMatchObject({ key: 'tx-1', amount: -500, currency: 'CAD' });
		const again = await emulator.api('POST', '/api/v2/transactions', {
			customer_external_key: 'c1',
			amount: 100,
			currency: 'USD',
			key: 'tx-1',
		});
		expect(again).toMatchObject({
			status: 400,
			body: { message: expect.stringMatching(/already exists/) },
		});
	});

	it('keeps test and production apart for transactions', async () => {
		await createPartner('p@example.com', { partner_key: 'p1' });
		await emulator.api('POST', '/api/v2/customers', {
			email: 'c@example.com',
			partner_key: 'p1',
			customer_key: 'live',
		});
		const mixed = await emulator.api(
			'POST',
			'/api/v2/transactions',
			{ customer_external_key: 'live', amount: 100, currency: 'USD' },
			KEYS.test,
		);
		expect(mixed.status).toBe(403);
	});

	it('actions need target_key, target_type, type and value >= 1', async () => {
		const missing = await emulator.api('POST', '/api/v2/actions', {
			target_key: 'gstest',
			type: 'x',
			value: 1,
		});
		expect(missing.body.message).toBe("'target_type' is a required property");
		const zero = await emulator.api('POST', '/api/v2/actions', {
			target_key: 'gstest',
			target_type: 'partnership',
			type: 'x',
			value: 0,
		});
		expect(zero.status).toBe(400);
		const ok = await emulator.api('POST', '/api/v2/actions', {
			target_key: 'gstest',
			target_type: 'partnership',
			type: 'x',
			value: 2,
		});
		expect(ok.body.data).toMatchObject({ type: 'x', value: 2, partner_key: 'gstest' });
	});

	it('leads need a known status and first/last name in meta', async () => {
		const base = {
			partner_key: 'gstest',
			external_key: 'l1',
			meta: { first_name: 'A', last_name: 'B' },
		};
		expect((await emulator.api('POST', '/api/v2/leads', { ...base, status: 'Open' })).status).toBe(
			400,
		);
		expect(
			(
				await emulator.api('POST', '/api/v2/leads', {
					...base,
					status: 'open',
					meta: { first_name: 'A' },
				})
			).status,
		).toBe(400);
		expect(
			(await emulator.api('POST', '/api/v2/leads', { ...base, status: 'closed won' })).status,
		).toBe(200);
	});

	it('deals: converting makes a customer of the deal partner; stages are checked against the group', async () => {
		await emulator.seed({
			groups: [{ key: 'grup_Sales', name: 'Sales Team' }],
			stages: [
				{ name: 'New', position: 1, object_type: 'deal', group_key: 'grup_Sales' },
				{ name: 'Won', position: 2, object_type: 'deal', group_key: 'grup_Sales' },
			],
			partnerships: [{ partner_key: 'seller', email: 's@example.com', group_key: 'grup_Sales' }],
		});
		expect(
			(await emulator.api('POST', '/api/v2/deals', { partner_key: 'seller', stage: 'Nope' }))
				.status,
		).toBe(400);
		const deal = (
			await emulator.api('POST', '/api/v2/deals', {
				partner_key: 'seller',
				stage: 'New',
				external_key: 'crm-1',
				amount: 5000,
			})
		).body.data;
		expect(deal.group_key).toBe('grup_Sales');
		const customer = await emulator.api('POST', `/api/v2/deals/crm-1/convert`, {
			email: 'buyer@example.com',
			customer_key: 'buyer',
		});
		expect(customer.body.data).toMatchObject({
			partner_key: 'seller',
			customer_key: 'buyer',
			source_type: 'deal',
			source_key: deal.key,
		});
		const again = await emulator.api('POST', `/api/v2/deals/${deal.key}/convert`, {
			email: 'buyer@example.com',
		});
		expect(again.status).toBe(400);
	});

	it('modifies partnership tags with {add, remove}', async () => {
		const partner = await createPartner('t@example.com', { tags: ['a', 'b'] });
		const answer = await emulator.api('PATCH', `/api/v2/partnerships/${partner.key}/tags`, {
			add: ['c'],
			remove: ['a'],
		});
		expect(answer.body.data.tags).toEqual(['b', 'c']);
	});
});

describe('fault injection', () => {
	it('rate-limits with 429, with and without Retry-After', async () => {
		await emulator.faults({ rateLimitPerMinute: 2, retryAfter: 'alternate' });
		const answers = [];
		for (let n = 0; n < 4; n++) answers.push(await emulator.api('GET', '/api/v2/groups'));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 429, 429]);
		expect(answers[2].headers.get('retry-after')).toMatch(/^\d+$/);
		expect(answers[3].headers.get('retry-after')).toBeNull();
		expect(answers[2].body).toEqual({ message: expect.any(String), status: 429 });
	});

	it('rate-limits as a token bucket: a burst, then the refill rate, without Retry-After when told', async () => {
		await emulator.faults({
			rateLimitPerMinute: 60,
			rateLimiter: 'bucket',
			rateLimitBurst: 3,
			retryAfter: 'never',
		});
		const answers = [];
		for (let n = 0; n < 4; n++) answers.push(await emulator.api('GET', '/api/v2/groups'));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
		expect(answers[3].headers.get('retry-after')).toBeNull();
		await sleep(1050);
		expect((await emulator.api('GET', '/api/v2/groups')).status).toBe(200);
		expect((await emulator.api('GET', '/api/v2/groups')).status).toBe(429);
		expect(await emulator.admin('GET', '/faults')).toMatchObject({
			rateLimiter: 'bucket',
			rateLimitBurst: 3,
			rateLimitedCount: 2,
		});
	});

	it('answers scripted 5xx, drops connections and adds latency', async () => {
		await emulator.faults({ script: [{ status: 503 }, { drop: true }, { latencyMs: 150 }] });
		expect((await emulator.api('GET', '/api/v2/groups')).status).toBe(503);
		await expect(emulator.api('GET', '/api/v2/groups')).rejects.toThrow();
		const started = Date.now();
		expect((await emulator.api('GET', '/api/v2/groups')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('answers a share of requests with 500/502/503 when errorRate is set', async () => {
		await emulator.faults({ errorRate: 1 });
		const statuses = new Set<number>();
		for (let n = 0; n < 12; n++) statuses.add((await emulator.api('GET', '/api/v2/groups')).status);
		expect([...statuses].every((s) => [500, 502, 503].includes(s))).toBe(true);
	});
});

describe('request log, seeding, imports and webhooks', () => {
	it('logs every API request without the keys', async () => {
		await emulator.clearRequests();
		await emulator.api('GET', '/api/v2/groups?limit=3');
		const [logged] = await emulator.requests();
		expect(logged).toMatchObject({
			method: 'GET',
			path: '/api/v2/groups',
			query: { limit: '3' },
			keyMode: 'production',
			status: 200,
		});
		expect(JSON.stringify(logged)).not.toContain(KEYS.production.secretKey);
	});

	it('records a multipart upload to the Data Import API', async () => {
		const boundary = 'XyZ';
		const body = Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="customers.csv"\r\nContent-Type: text/csv\r\n\r\n` +
				`customer_key,email,partner_key\r\nc1,a@b.co,gstest\r\n\r\n--${boundary}--\r\n`,
		);
		const response = await fetch(`${emulator.url}/v1/import/customers`, {
			method: 'POST',
			headers: {
				authorization: `Basic ${Buffer.from('pk_live_emulator:sk_live_emulator').toString('base64')}`,
				'content-type': `multipart/form-data; boundary=${boundary}`,
			},
			body,
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			status: 200,
			message: expect.stringContaining('customers.csv'),
		});
		const { imports } = await emulator.admin<{ imports: Array<Record<string, unknown>> }>(
			'GET',
			'/imports',
		);
		expect(imports[0]).toMatchObject({ type: 'customers', fileName: 'customers.csv', rows: 1 });
		const leads = await fetch(`${emulator.url}/v1/import/leads`, {
			method: 'POST',
			headers: {
				authorization: `Basic ${Buffer.from('pk_live_emulator:sk_live_emulator').toString('base64')}`,
			},
		});
		expect(leads.status).toBe(404);
	});

	describe('webhook delivery', () => {
		let receiver: Server;
		let received: Array<{ headers: IncomingMessage['headers']; body: Record<string, unknown> }>;
		let target: string;

		beforeAll(async () => {
			received = [];
			receiver = createServer((request, response) => {
				let text = '';
				request.on('data', (chunk) => (text += chunk));
				request.on('end', () => {
					received.push({ headers: request.headers, body: JSON.parse(text) });
					response.end('ok');
				});
			});
			await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
			target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook?token=abc`;
		});
		afterAll(() => new Promise((resolve) => receiver.close(resolve)));
		beforeEach(() => {
			received.length = 0;
		});

		it('POSTs the flat object plus event to subscribed hooks only', async () => {
			const hook = await emulator.api('POST', '/api/v2/webhooks', {
				target_url: target,
				events: ['customer.created'],
			});
			expect(hook.body.data).toMatchObject({
				key: expect.stringMatching(/^whk_/),
				target_url: target,
				events: ['customer.created'],
			});
			await emulator.api(
				'POST',
				'/api/v2/customers',
				{ email: 'w@example.com', partner_key: 'gstest', customer_key: 'w1' },
				KEYS.test,
			);
			await createPartner('not-subscribed@example.com');
			await emulator.deliveries();
			expect(received).toHaveLength(1);
			expect(received[0].body).toMatchObject({
				event: 'customer.created',
				customer_key: 'w1',
				partner_key: 'gstest',
				key: expect.any(String),
			});
			expect(received[0].headers['x-partnerstack-signature']).toBeUndefined();
		});

		it('stops delivering once the hook is archived, and validates registrations', async () => {
			const hook = await emulator.api('POST', '/api/v2/webhooks', {
				target,
				events: ['partnership.created'],
			});
			await emulator.api('DELETE', `/api/v2/webhooks/${hook.body.data.key}`);
			await createPartner('after@example.com');
			await emulator.deliveries();
			expect(received).toHaveLength(0);
			expect(
				(await emulator.api('POST', '/api/v2/webhooks', { target_url: target, events: [] })).status,
			).toBe(400);
			expect(
				(await emulator.api('POST', '/api/v2/webhooks', { events: ['customer.created'] })).status,
			).toBe(400);
			expect(
				(
					await emulator.api('POST', '/api/v2/webhooks', {
						target_url: target,
						events: ['customer.exploded'],
					})
				).status,
			).toBe(400);
		});
	});
});
