import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('customer get', () => {
	it('finds a customer by its customer key', async () => {
		const [item] = await runNode(emulator, {
			resource: 'customer',
			operation: 'get',
			key: locator('acme'),
		});
		expect(item.json).toMatchObject({ key: 'cust_Acme', customer_key: 'acme' });
	});

	it('an unknown customer is a 404', async () => {
		expect(
			(
				await runNodeError(emulator, {
					resource: 'customer',
					operation: 'get',
					key: locator('nope'),
				})
			).httpCode,
		).toBe('404');
	});
});
