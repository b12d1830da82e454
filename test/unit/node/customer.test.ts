import { KEYS } from '../../support/emulator';
import { DEMO, locator, runNode, runNodeError, startEmulator } from '../../support/node';

const emulator = startEmulator();
beforeEach(async () => {
	await emulator.reset(DEMO);
});

describe('customer', () => {
	it('create: sends email, partner and customer key', async () => {
		const [item] = await runNode(emulator, {
			resource: 'customer',
			operation: 'create',
			email: 'new@corp.example',
			partnerKey: 'ada',
			customerKey: 'corp-1',
			additionalFields: { name: 'Corp', providerKey: 'cus_stripe_1', meta: '{"plan":"pro"}' },
		});
		expect(item.json).toMatchObject({
			customer_key: 'corp-1',
			email: 'new@corp.example',
			partner_key: 'ada',
			provider_key: 'cus_stripe_1',
			name: 'Corp',
			test: false,
		});
		const post = (await emulator.requests()).find((r) => r.method === 'POST');
		expect(post!.body).toEqual({
			email: 'new@corp.example',
			partner_key: 'ada',
			customer_key: 'corp-1',
			name: 'Corp',
			provider_key: 'cus_stripe_1',
			meta: { plan: 'pro' },
		});
	});

	it('create: an unknown partner fails with the API message and a hint', async () => {
		const error = await runNodeError(emulator, {
			resource: 'customer',
			operation: 'create',
			email: 'a@b.example',
			partnerKey: 'ghost',
			customerKey: '',
		});
		expect(error.message).toBe('partner_key ghost not found');
		expect(error.description).toMatch(/Partners → the partner → Partner key/);
	});

	it('create: files under gstest only when asked, with test keys', async () => {
		const error = await runNodeError(emulator, {
			resource: 'customer',
			operation: 'create',
			email: 't@b.example',
			partnerKey: '',
			customerKey: 't1',
		});
		expect(error.message).toMatch(/Partner Key is required/);
		const refused = await runNodeError(emulator, {
			resource: 'customer',
			operation: 'create',
			email: 't@b.example',
			partnerKey: '',
			customerKey: 't1',
			useTestPartner: true,
		});
		expect(refused.message).toMatch(/needs a credential marked Sandbox/);
		const [item] = await runNode(
			emulator,
			{
				resource: 'customer',
				operation: 'create',
				email: 't@b.example',
				partnerKey: '',
				customerKey: 't1',
				useTestPartner: true,
			},
			{ keys: KEYS.test, sandbox: true },
		);
		expect(item.json).toMatchObject({ partner_key: 'gstest', test: true, sandbox: true });
	});

	it('get: by customer key; 404 otherwise', async () => {
		const [item] = await runNode(emulator, {
			resource: 'customer',
			operation: 'get',
			key: locator('acme'),
		});
		expect(item.json).toMatchObject({ key: 'cust_Acme', customer_key: 'acme' });
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

	it('getAll: filters by partner and email', async () => {
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

	it('update: patches only the given fields; nothing given is an error', async () => {
		const [item] = await runNode(emulator, {
			resource: 'customer',
			operation: 'update',
			key: locator('acme'),
			updateFields: { name: 'Acme Corp' },
		});
		expect(item.json).toMatchObject({ name: 'Acme Corp', email: 'billing@acme.example' });
		const error = await runNodeError(emulator, {
			resource: 'customer',
			operation: 'update',
			key: locator('acme'),
			updateFields: {},
		});
		expect(error.message).toMatch(/at least one field/);
	});

	it('delete: archives; a second delete is a 404', async () => {
		const [item] = await runNode(emulator, {
			resource: 'customer',
			operation: 'delete',
			key: locator('acme'),
		});
		// PartnerStack's key of the archived record, and the customer key it was deleted by.
		expect(item.json).toMatchObject({
			key: 'cust_Acme',
			customer_key: 'acme',
			archived: true,
			deleted: true,
			message: 'Customer deleted',
		});
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

	it('upsert: updates an existing customer, creates a missing one, and a re-run creates nothing new', async () => {
		const parameters = {
			resource: 'customer',
			operation: 'upsert',
			customerKey: 'acme',
			email: 'ap@acme.example',
			partnerKey: 'ada',
			additionalFields: {},
		};
		const [updated] = await runNode(emulator, parameters);
		expect(updated.json).toMatchObject({
			customer_key: 'acme',
			email: 'ap@acme.example',
			upsertResult: 'updated',
		});
		const fresh = { ...parameters, customerKey: 'initech', email: 'ap@initech.example' };
		const [created] = await runNode(emulator, fresh);
		expect(created.json).toMatchObject({ customer_key: 'initech', upsertResult: 'created' });
		const [again] = await runNode(emulator, fresh);
		expect(again.json.upsertResult).toBe('updated');
		expect(await emulator.state('customers')).toHaveLength(2);
	});

	it('upsert: creating without a partner key is refused before any write', async () => {
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
