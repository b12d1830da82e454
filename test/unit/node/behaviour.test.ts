/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import { NodeApiError } from 'n8n-workflow';

import { KEYS } from '../../support/emulator';
import { credentialsFor, loadOptionsContext } from '../../support/engine';
import { DEMO, locator, runNode, runNodeError, startEmulator } from '../../support/node';
import * as listSearch from '../../../nodes/PartnerStack/methods/listSearch';
import * as loadOptions from '../../../nodes/PartnerStack/methods/loadOptions';
import { toCents } from '../../../nodes/PartnerStack/helpers/amounts';
import { PartnerStack } from '../../../nodes/PartnerStack/PartnerStack.node';

const emulator = startEmulator();
beforeEach(async () => {
	await emulator.reset(DEMO);
});

describe('items, pairing and errors', () => {
	it('runs once per input item and pairs every output item with its input', async () => {
		const items = await runNode(
			emulator,
			{ resource: 'partnership', operation: 'get' },
			{
				items: [{ json: {} }, { json: {} }],
				itemParameters: [{ key: locator('ada') }, { key: locator('grace') }],
			},
		);
		expect(items.map((i) => [i.json.partner_key, i.pairedItem])).toEqual([
			['ada', { item: 0 }],
			['grace', { item: 1 }],
		]);
	});

	it('continueOnFail: one error item, paired, among the good ones', async () => {
		const items = await runNode(
			emulator,
			{ resource: 'customer', operation: 'create', customerKey: '', additionalFields: {} },
			{
				continueOnFail: true,
				items: [{ json: {} }, { json: {} }, { json: {} }],
				itemParameters: [
					{ email: 'one@x.example', partnerKey: 'ada' },
					{ email: 'two@x.example', partnerKey: 'ghost' },
					{ email: 'three@x.example', partnerKey: 'grace' },
				],
			},
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json).toMatchObject({ error: 'partner_key ghost not found', httpCode: '400' });
		expect(items[0].json.email).toBe('one@x.example');
		expect(items[2].json.email).toBe('three@x.example');
	});

	it('without continueOnFail, stops with a NodeApiError that names the item', async () => {
		const error = await runNodeError(
			emulator,
			{ resource: 'partnership', operation: 'get' },
			{
				items: [{ json: {} }, { json: {} }],
				itemParameters: [{ key: locator('ada') }, { key: locator('nope') }],
			},
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.context).toMatchObject({ itemIndex: 1 });
	});

	it('marks output from a sandbox credential', async () => {
		const [item] = await runNode(
			emulator,
			{ resource: 'group', operation: 'getAll', returnAll: true, filters: {} },
			{ keys: KEYS.test, sandbox: true },
		);
		expect(item.json.sandbox).toBe(true);
		const [live] = await runNode(emulator, {
			resource: 'group',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(live.json.sandbox).toBeUndefined();
	});

	it('refuses an operation a resource does not have', async () => {
		const error = await runNodeError(emulator, { resource: 'transaction', operation: 'update' });
		expect(error.message).toMatch(/"update" is not supported for "transaction"/);
	});

	it('Get Many with Return All walks 1 000 customers in exactly 4 requests', async () => {
		await emulator.seed({
			customers: Array.from({ length: 1000 - DEMO.customers.length }, (_, n) => ({
				customer_key: `many-${n}`,
				email: `m${n}@x.example`,
				partner_key: 'ada',
			})),
		});
		await emulator.clearRequests();
		const items = await runNode(emulator, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(items).toHaveLength(1000);
		const requests = await emulator.requests();
		expect(requests.map((r) => r.query.limit)).toEqual(['250', '250', '250', '250']);
	});

	it('group getAll lists every group, simplified', async () => {
		const groups = await runNode(emulator, {
			resource: 'group',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(groups.map((g) => g.json.name).sort()).toEqual(['Affiliates', 'Default', 'Resellers']);
		expect(Object.keys(groups[0].json).sort()).toEqual([
			'archived',
			'created_at',
			'default',
			'key',
			'name',
			'slug',
		]);
	});
});

describe('amounts', () => {
	it.each([
		['10', 1000],
		['10.5', 1050],
		['10.10', 1010],
		['0.29', 29],
		['-3.07', -307],
		[19.99, 1999],
		[0.1, 10],
		['007', 700],
	])('dollars %p → %p cents', (input, cents) => {
		expect(toCents(input, 'dollars')).toBe(cents);
	});
	it.each(['$10', '1,000.00', '10,50', '.5', '10.', '+10', '10.005', '1e3', ''])(
		'refuses dollars %p',
		(input) => {
			expect(() => toCents(input, 'dollars')).toThrow(/dollars/);
		},
	);
	it.each([
		['1999', 1999],
		[-500, -500],
	])('cents %p', (input, cents) => expect(toCents(input, 'cents')).toBe(cents));
	it.each(['10.5', '1e3', 'abc'])('refuses cents %p', (input) =>
		expect(() => toCents(input, 'cents')).toThrow(/whole number/),
	);
});

describe('pickers', () => {
	const pickerContext = (parameters = {}) =>
		loadOptionsContext({
			credentials: credentialsFor(emulator.url, KEYS.production),
			parameters,
		}) as never;

	it('searches partners by name, email or key', async () => {
		const found = await listSearch.searchPartnerships.call(pickerContext(), 'lovelace');
		expect(found.results).toEqual([{ name: 'Ada Lovelace (ada)', value: 'ada' }]);
		const all = await listSearch.searchPartnerships.call(pickerContext());
		expect(all.results.map((r) => r.value).sort()).toEqual(['ada', 'grace', 'gstest']);
	});

	it('pages partner search results with a string token', async () => {
		await emulator.seed({
			partnerships: Array.from({ length: 300 }, (_, n) => ({
				partner_key: `p${n}`,
				email: `p${n}@x.example`,
			})),
		});
		const first = await listSearch.searchPartnerships.call(pickerContext());
		expect(first.results).toHaveLength(250);
		expect(typeof first.paginationToken).toBe('string');
		const second = await listSearch.searchPartnerships.call(
			pickerContext(),
			undefined,
			first.paginationToken as string,
		);
		expect(second.results).toHaveLength(53);
		expect(second.paginationToken).toBeUndefined();
	});

	it('lists groups, their slugs, and the deal stages and forms of the chosen group', async () => {
		expect((await loadOptions.getGroups.call(pickerContext())).map((o) => o.value)).toEqual([
			'grup_Affiliates0001',
			expect.any(String),
			'grup_Resellers00001',
		]);
		expect((await loadOptions.getGroupSlugs.call(pickerContext())).map((o) => o.value)).toEqual([
			'affiliates',
			'default',
			'resellers',
		]);
		const stages = await loadOptions.getDealStages.call(
			pickerContext({ groupKey: 'grup_Resellers00001' }),
		);
		expect(stages.map((s) => s.value)).toEqual(['New', 'Closed Won']);
		expect(
			await loadOptions.getDealStages.call(pickerContext({ groupKey: 'grup_Affiliates0001' })),
		).toEqual([]);
		expect(
			(
				await loadOptions.getDealFormTemplates.call(
					pickerContext({ groupKey: 'grup_Resellers00001' }),
				)
			).map((t) => t.value),
		).toEqual(['mold_Deal']);
		expect(
			(await loadOptions.getApplicationForms.call(pickerContext())).map((t) => t.value),
		).toEqual(['mold_Appl']);
	});

	it('searches customers, deals, leads, transactions and actions', async () => {
		expect((await listSearch.searchCustomers.call(pickerContext(), 'acme')).results).toEqual([
			{ name: 'Acme (billing@acme.example)', value: 'acme' },
		]);
		expect((await listSearch.searchDeals.call(pickerContext(), 'globex')).results[0].value).toBe(
			'deal_Globex',
		);
		expect((await listSearch.searchLeads.call(pickerContext(), 'peter')).results[0].value).toBe(
			'lead_Initech',
		);
		expect((await listSearch.searchTransactions.call(pickerContext())).results).toEqual([]);
		expect((await listSearch.searchActions.call(pickerContext())).results).toEqual([]);
	});
});

describe('description', () => {
	const description = new PartnerStack().description;

	it('is usable as an AI tool and every operation has an action text', () => {
		expect(description.usableAsTool).toBe(true);
		const operations = description.properties.filter((p) => p.name === 'operation');
		expect(operations).toHaveLength(11);
		for (const property of operations) {
			for (const option of property.options as Array<{ action?: string }>)
				expect(option.action).toMatch(/^[A-Z]/);
		}
	});

	it('offers the contract operation values per resource', () => {
		const byResource = Object.fromEntries(
			description.properties
				.filter((p) => p.name === 'operation')
				.map((p) => [
					p.displayOptions!.show!.resource![0],
					(p.options as Array<{ value: string }>).map((o) => o.value).sort(),
				]),
		);
		expect(byResource).toEqual({
			action: ['create', 'delete', 'getAll'],
			application: ['approve', 'decline', 'getAll'],
			customer: ['create', 'delete', 'get', 'getAll', 'update', 'upsert'],
			deal: [
				'convert',
				'create',
				'delete',
				'get',
				'getAll',
				'getAttachment',
				'listAttachments',
				'update',
				'upsert',
			],
			export: ['create'],
			group: ['getAll'],
			lead: ['convert', 'create', 'delete', 'get', 'getAll', 'update'],
			partnership: ['create', 'delete', 'get', 'getAll', 'modifyTags', 'update', 'upsert'],
			reward: ['create', 'getAll'],
			tier: ['getAll'],
			transaction: ['create', 'delete', 'getAll'],
		});
	});
});
