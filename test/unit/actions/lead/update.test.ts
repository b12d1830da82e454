import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('lead update', () => {
	it('closes and approves the lead, keeping the names not given', async () => {
		const [updated] = await runNode(emulator, {
			resource: 'lead',
			operation: 'update',
			key: locator('lead_Initech'),
			amountUnit: 'cents',
			updateFields: { status: 'closed', approved: true, lastName: 'G.' },
		});
		expect(updated.json).toMatchObject({
			status: 'closed',
			approved: true,
			first_name: 'Peter',
			last_name: 'G.',
		});
	});

	it('an unknown lead is a 404', async () => {
		expect(
			(
				await runNodeError(emulator, {
					resource: 'lead',
					operation: 'update',
					key: locator('lead_Nope'),
					amountUnit: 'cents',
					updateFields: { status: 'dead' },
				})
			).httpCode,
		).toBe('404');
	});
});
