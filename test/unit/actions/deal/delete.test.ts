import { DEMO, emulatorWith, locator, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('deal delete', () => {
	it('archives the deal: Get Many no longer lists it', async () => {
		const [deleted] = await runNode(emulator, {
			resource: 'deal',
			operation: 'delete',
			key: locator('deal_Globex'),
		});
		expect(deleted.json.deleted).toBe(true);
		expect(
			await runNode(emulator, {
				resource: 'deal',
				operation: 'getAll',
				returnAll: true,
				filters: {},
			}),
		).toEqual([]);
	});
});
