import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('deal get', () => {
	it('finds a deal by its external key', async () => {
		const [deal] = await runNode(emulator, {
			resource: 'deal',
			operation: 'get',
			key: locator('crm-globex'),
		});
		expect(deal.json).toMatchObject({ key: 'deal_Globex', stage: 'New' });
	});

	it('an unknown deal is a 404', async () => {
		expect(
			(
				await runNodeError(emulator, {
					resource: 'deal',
					operation: 'get',
					key: locator('deal_Nope'),
				})
			).httpCode,
		).toBe('404');
	});
});
