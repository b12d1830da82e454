import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

const deleteAcme = { resource: 'customer', operation: 'delete', key: locator('acme') };

describe('customer delete', () => {
	it('archives the customer', async () => {
		const [item] = await runNode(emulator, deleteAcme);
		// PartnerStack's key of the archived record, and the customer key it was deleted by.
		expect(item.json).toMatchObject({
			key: 'cust_Acme',
			customer_key: 'acme',
			archived: true,
			deleted: true,
			message: 'Customer deleted',
		});
	});

	it('a second delete is a 404', async () => {
		await runNode(emulator, deleteAcme);
		expect(
			(
				await runNodeError(emulator, {
					resource: 'customer',
					operation: 'delete',
					key: locator('acme'),
				})
			).httpCode,
		).toBe('404');
	});
});
