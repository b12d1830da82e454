import { DEMO, emulatorWith, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

const create = {
	resource: 'transaction',
	operation: 'create',
	customerKeyType: 'customer_external_key',
	customerKey: 'acme',
	currency: 'usd',
};

describe('transaction create', () => {
	it('dollars are converted to cents exactly', async () => {
		const [item] = await runNode(emulator, {
			...create,
			amount: 19.99,
			amountUnit: 'dollars',
			additionalFields: { key: 'inv-1', productKey: 'pro' },
		});
		expect(item.json).toMatchObject({
			key: 'inv-1',
			amount: 1999,
			currency: 'USD',
			customer_external_key: 'acme',
			product_key: 'pro',
		});
		const post = (await emulator.requests()).find((r) => r.method === 'POST');
		expect(post!.body).toMatchObject({
			amount: 1999,
			currency: 'USD',
			customer_external_key: 'acme',
			key: 'inv-1',
		});
	});

	it('the transaction key makes it idempotent', async () => {
		await runNode(emulator, {
			...create,
			amount: 19.99,
			amountUnit: 'dollars',
			additionalFields: { key: 'inv-1', productKey: 'pro' },
		});
		const again = await runNodeError(emulator, {
			...create,
			amount: 19.99,
			amountUnit: 'dollars',
			additionalFields: { key: 'inv-1' },
		});
		expect(again.message).toBe('transaction key inv-1 already exists');
		expect(await emulator.state('transactions')).toHaveLength(1);
	});

	it('cents must be whole', async () => {
		const error = await runNodeError(emulator, {
			...create,
			amount: 10.5,
			amountUnit: 'cents',
			additionalFields: {},
		});
		expect(error.message).toMatch(/whole number of cents/);
	});

	it('a refund may be negative, its customer given by email', async () => {
		const [refund] = await runNode(emulator, {
			...create,
			customerKeyType: 'customer_email',
			customerKey: 'billing@acme.example',
			amount: -500,
			amountUnit: 'cents',
			additionalFields: {},
		});
		expect(refund.json).toMatchObject({ amount: -500 });
	});

	it('an unknown customer fails with the API message', async () => {
		const error = await runNodeError(emulator, {
			...create,
			customerKey: 'ghost',
			amount: 100,
			amountUnit: 'cents',
			additionalFields: {},
		});
		expect(error.message).toBe('customer_external_key ghost not found');
	});
});
