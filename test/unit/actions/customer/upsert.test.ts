import { DEMO, emulatorWith, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

const parameters = {
	resource: 'customer',
	operation: 'upsert',
	customerKey: 'acme',
	email: 'ap@acme.example',
	partnerKey: 'ada',
	additionalFields: {},
};

describe('customer upsert', () => {
	it('updates an existing customer', async () => {
		const [updated] = await runNode(emulator, parameters);
		expect(updated.json).toMatchObject({
			customer_key: 'acme',
			email: 'ap@acme.example',
			upsertResult: 'updated',
		});
	});

	it('creates a missing customer, and a re-run creates nothing new', async () => {
		const fresh = { ...parameters, customerKey: 'initech', email: 'ap@initech.example' };
		const [created] = await runNode(emulator, fresh);
		expect(created.json).toMatchObject({ customer_key: 'initech', upsertResult: 'created' });
		const [again] = await runNode(emulator, fresh);
		expect(again.json.upsertResult).toBe('updated');
		expect(await emulator.state('customers')).toHaveLength(2);
	});

	it('creating without a partner key is refused before any write', async () => {
		await emulator.clearRequests();
		const error = await runNodeError(emulator, {
			resource: 'customer',
			operation: 'upsert',
			customerKey: 'new',
			email: 'n@x.example',
			partnerKey: '',
			additionalFields: {},
		});
		expect(error.message).toMatch(/Partner Key is required/);
		expect((await emulator.requests()).filter((r) => r.method !== 'GET')).toEqual([]);
	});
});
