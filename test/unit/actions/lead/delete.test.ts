import { DEMO, emulatorWith, locator, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('lead delete', () => {
	it('archives the lead', async () => {
		await runNode(emulator, {
			resource: 'lead',
			operation: 'delete',
			key: locator('lead_Initech'),
		});
		expect((await emulator.state<{ archived: boolean }>('leads'))[0].archived).toBe(true);
	});
});
