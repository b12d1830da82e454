import { DEMO, emulatorWith, locator, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('lead get', () => {
	it('finds a lead by its external key', async () => {
		const [lead] = await runNode(emulator, {
			resource: 'lead',
			operation: 'get',
			key: locator('peter@initech.example'),
		});
		expect(lead.json).toMatchObject({ key: 'lead_Initech', first_name: 'Peter' });
	});
});
