import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

beforeEach(async () => {
	await runNode(emulator, {
		resource: 'transaction',
		operation: 'create',
		customerKeyType: 'customer_external_key',
		customerKey: 'acme',
		currency: 'usd',
		amount: 100,
		amountUnit: 'cents',
		additionalFields: { key: 'tx-a' },
	});
});

const deleteTransaction = { resource: 'transaction', operation: 'delete', key: locator('tx-a') };

describe('transaction delete', () => {
	it('deletes the transaction by its key', async () => {
		const [deleted] = await runNode(emulator, deleteTransaction);
		expect(deleted.json).toMatchObject({ key: 'tx-a', deleted: true });
	});

	it('a second delete is a 404', async () => {
		await runNode(emulator, deleteTransaction);
		expect(
			(
				await runNodeError(emulator, {
					resource: 'transaction',
					operation: 'delete',
					key: locator('tx-a'),
				})
			).httpCode,
		).toBe('404');
	});
});
