import { DEMO, emulatorWith, locator, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('deal update', () => {
	it('moves the deal to another stage and changes its amount', async () => {
		const [updated] = await runNode(emulator, {
			resource: 'deal',
			operation: 'update',
			key: locator('deal_Globex'),
			groupKey: '',
			amountUnit: 'cents',
			updateFields: { stage: 'Closed Won', amount: 250000 },
		});
		expect(updated.json).toMatchObject({ stage: 'Closed Won', amount: 250000 });
	});
});
