import { DEMO, emulatorWith, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('customer getAll', () => {
	it('filters by partner and email', async () => {
		const items = await runNode(emulator, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { partnerKey: 'ada', email: 'billing@acme.example' },
		});
		expect(items.map((i) => i.json.customer_key)).toEqual(['acme']);
		const none = await runNode(emulator, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: { partnerKey: 'grace' },
		});
		expect(none).toEqual([]);
	});

	it('Return All walks 1 000 customers in exactly 4 requests', async () => {
		await emulator.seed({
			customers: Array.from({ length: 1000 - DEMO.customers.length }, (_, n) => ({
				customer_key: `many-${n}`,
				email: `m${n}@x.example`,
				partner_key: 'ada',
			})),
		});
		await emulator.clearRequests();
		const items = await runNode(emulator, {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(items).toHaveLength(1000);
		const requests = await emulator.requests();
		expect(requests.map((r) => r.query.limit)).toEqual(['250', '250', '250', '250']);
	});
});
