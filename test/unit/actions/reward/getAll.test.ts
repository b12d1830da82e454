import { DEMO, emulatorWith, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('reward getAll', () => {
	it('filters by customer', async () => {
		await runNode(emulator, {
			resource: 'reward',
			operation: 'create',
			targetType: 'customer',
			targetKey: 'acme',
			amount: 700,
			amountUnit: 'cents',
			additionalFields: {},
		});
		const items = await runNode(emulator, {
			resource: 'reward',
			operation: 'getAll',
			returnAll: true,
			filters: { customerKey: 'acme' },
		});
		expect(items).toHaveLength(1);
		expect(
			await runNode(emulator, {
				resource: 'reward',
				operation: 'getAll',
				returnAll: true,
				filters: { customerKey: 'someone-else' },
			}),
		).toEqual([]);
	});
});
