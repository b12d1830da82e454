import { emulatorWith, runNode, runNodeError } from '../../../support/node';
import { TIERS } from '../../../support/seeds';

const emulator = emulatorWith(TIERS);

describe('tier getAll', () => {
	it('lists the tiers, simplified', async () => {
		const items = await runNode(emulator, {
			resource: 'tier',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(items.map((item) => item.json)).toEqual([
			{
				key: 'tier_Silver',
				name: 'Silver',
				created_at: expect.any(Number),
				updated_at: expect.any(Number),
			},
			{
				key: 'tier_Gold',
				name: 'Gold',
				created_at: expect.any(Number),
				updated_at: expect.any(Number),
			},
		]);
	});

	it('wrong keys are a 401 with the API message', async () => {
		const error = await runNodeError(
			emulator,
			{ resource: 'tier', operation: 'getAll', returnAll: true, filters: {} },
			{ keys: { publicKey: 'pk_live_emulator', secretKey: 'wrong' } },
		);
		expect(error.httpCode).toBe('401');
	});
});
