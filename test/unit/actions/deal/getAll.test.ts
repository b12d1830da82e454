import { DEMO, emulatorWith, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('deal getAll', () => {
	it('filters by partner', async () => {
		const all = await runNode(emulator, {
			resource: 'deal',
			operation: 'getAll',
			returnAll: true,
			filters: { partnerKey: 'ada' },
		});
		expect(all.map((i) => i.json.key)).toEqual(['deal_Globex']);
	});
});
