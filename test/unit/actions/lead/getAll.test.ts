import { DEMO, emulatorWith, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('lead getAll', () => {
	it('filters by status', async () => {
		expect(
			await runNode(emulator, {
				resource: 'lead',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'closed' },
			}),
		).toEqual([]);
	});
});
