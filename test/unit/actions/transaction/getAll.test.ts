import { DEMO, emulatorWith, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

const createTransaction = (key: string, amount: number) =>
	runNode(emulator, {
		resource: 'transaction',
		operation: 'create',
		customerKeyType: 'customer_external_key',
		customerKey: 'acme',
		currency: 'usd',
		amount,
		amountUnit: 'cents',
		additionalFields: { key },
	});

describe('transaction getAll', () => {
	it("lists the customer's transactions, newest first", async () => {
		await createTransaction('tx-a', 100);
		await createTransaction('tx-b', 200);
		const items = await runNode(emulator, {
			resource: 'transaction',
			operation: 'getAll',
			returnAll: true,
			filters: { customerKey: 'acme' },
		});
		expect(items.map((i) => i.json.key)).toEqual(['tx-b', 'tx-a']);
	});
});
