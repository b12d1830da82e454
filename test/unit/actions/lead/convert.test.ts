import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('lead convert', () => {
	it('the lead becomes a customer', async () => {
		const [customer] = await runNode(emulator, {
			resource: 'lead',
			operation: 'convert',
			key: locator('lead_Initech'),
			email: 'peter@initech.example',
			customerKey: 'initech',
		});
		expect(customer.json).toMatchObject({
			customer_key: 'initech',
			partner_key: 'grace',
			source_type: 'lead',
		});
	});

	it('an unknown lead is a 404', async () => {
		const bad = await runNodeError(emulator, {
			resource: 'lead',
			operation: 'convert',
			key: locator('lead_Initech2'),
			email: 'x@y.example',
			customerKey: '',
		});
		expect(bad.httpCode).toBe('404');
	});
});
