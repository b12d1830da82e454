// The router owns the item loop: one run per input item, pairing, continueOnFail, the errors n8n shows.
import { NodeApiError } from 'n8n-workflow';

import { KEYS } from '../../support/emulator';
import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../support/node';

const emulator = emulatorWith(DEMO);

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
});
