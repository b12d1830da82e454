import { listItems, partnerStackRequest } from '../../../nodes/PartnerStack/transport';
import type { EngineContext as TestContext } from '../../support/engine';
import { DEMO, emulatorWith } from '../../support/node';
import { asN8n, contextOn } from '../../support/transport';

const emulator = emulatorWith(DEMO);
let context: TestContext;
beforeEach(() => {
	context = contextOn(emulator);
});

const dataOf = async (endpoint: string, qs = {}) =>
	(await partnerStackRequest.call(asN8n(context), 'GET', endpoint, { qs })).data;

describe('listItems', () => {
	it('reads a page ({items, has_more})', async () => {
		const first = await dataOf('/groups', { limit: 1 });
		expect(Array.isArray(first)).toBe(false);
		expect(listItems(first)).toEqual({
			items: [expect.objectContaining({ key: expect.any(String) })],
			hasMore: true,
		});
		const all = listItems(await dataOf('/groups', { limit: 250 }));
		expect(all.hasMore).toBe(false);
		expect(all.items.map((group) => group.key)).toEqual(
			expect.arrayContaining(DEMO.groups.map((group) => group.key)),
		);
	});

	it('reads a bare array as the whole list', async () => {
		const templates = await dataOf('/deals/form-templates');
		expect(Array.isArray(templates)).toBe(true);
		expect(listItems(templates)).toEqual({
			items: [expect.objectContaining({ key: 'mold_Deal' })],
			hasMore: false,
		});
	});

	it('reads anything else as an empty list', () => {
		for (const data of [undefined, null, {}, 'text'])
			expect(listItems(data)).toEqual({ items: [], hasMore: false });
	});
});
