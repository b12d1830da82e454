import { DEMO, locator, runNode, runNodeError, startEmulator } from '../../support/node';

const emulator = startEmulator();
beforeEach(async () => {
	await emulator.reset(DEMO);
});

describe('transaction', () => {
	const create = {
		resource: 'transaction',
		operation: 'create',
		customerKeyType: 'customer_external_key',
		customerKey: 'acme',
		currency: 'usd',
	};

	it('create: dollars are converted to cents exactly and the transaction key makes it idempotent', async () => {
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
		const again = await runNodeError(emulator, {
			...create,
			amount: 19.99,
			amountUnit: 'dollars',
			additionalFields: { key: 'inv-1' },
		});
		expect(again.message).toBe('transaction key inv-1 already exists');
		expect(await emulator.state('transactions')).toHaveLength(1);
	});

	it('create: cents must be whole; a refund may be negative; the customer may be given by email', async () => {
		const error = await runNodeError(emulator, {
			...create,
			amount: 10.5,
			amountUnit: 'cents',
			additionalFields: {},
		});
		expect(error.message).toMatch(/whole number of cents/);
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

	it('create: an unknown customer fails with the API message', async () => {
		const error = await runNodeError(emulator, {
			...create,
			customerKey: 'ghost',
			amount: 100,
			amountUnit: 'cents',
			additionalFields: {},
		});
		expect(error.message).toBe('customer_external_key ghost not found');
	});

	it('getAll and delete', async () => {
		await runNode(emulator, {
			...create,
			amount: 100,
			amountUnit: 'cents',
			additionalFields: { key: 'tx-a' },
		});
		await runNode(emulator, {
			...create,
			amount: 200,
			amountUnit: 'cents',
			additionalFields: { key: 'tx-b' },
		});
		const items = await runNode(emulator, {
			resource: 'transaction',
			operation: 'getAll',
			returnAll: true,
			filters: { customerKey: 'acme' },
		});
		expect(items.map((i) => i.json.key)).toEqual(['tx-b', 'tx-a']);
		const [deleted] = await runNode(emulator, {
			resource: 'transaction',
			operation: 'delete',
			key: locator('tx-a'),
		});
		expect(deleted.json).toMatchObject({ key: 'tx-a', deleted: true });
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

describe('reward', () => {
	it('create: for a partnership, a customer or a transaction', async () => {
		const [bonus] = await runNode(emulator, {
			resource: 'reward',
			operation: 'create',
			targetType: 'partnership',
			targetKey: 'ada',
			amount: 50,
			amountUnit: 'dollars',
			additionalFields: { description: 'Launch bonus' },
		});
		expect(bonus.json).toMatchObject({
			amount: 5000,
			description: 'Launch bonus',
			partner_key: 'ada',
			reward_status: 'pending',
		});
		const [forCustomer] = await runNode(emulator, {
			resource: 'reward',
			operation: 'create',
			targetType: 'customer',
			targetKey: 'acme',
			amount: 700,
			amountUnit: 'cents',
			additionalFields: {},
		});
		expect(forCustomer.json).toMatchObject({
			amount: 700,
			customer_key: 'cust_Acme',
			partner_key: 'ada',
		});
		const post = (await emulator.requests()).filter((r) => r.method === 'POST').at(-1);
		expect(post!.body).toEqual({ amount: 700, target: { type: 'customer', key: 'acme' } });
	});

	it('create: an unknown target fails; a negative amount is refused before the call', async () => {
		expect(
			(
				await runNodeError(emulator, {
					resource: 'reward',
					operation: 'create',
					targetType: 'transaction',
					targetKey: 'nope',
					amount: 1,
					amountUnit: 'cents',
					additionalFields: {},
				})
			).message,
		).toBe('transaction nope not found');
		expect(
			(
				await runNodeError(emulator, {
					resource: 'reward',
					operation: 'create',
					targetType: 'customer',
					targetKey: 'acme',
					amount: -1,
					amountUnit: 'cents',
					additionalFields: {},
				})
			).message,
		).toMatch(/cannot be negative/);
	});

	it('getAll: by customer', async () => {
		await runNode(emulator, {
			resource: 'reward',
			operation: 'create',
			targetType: 'customer',
			targetKey: 'acme',
			amount: 700,
			amountUnit: 'cents',
			additionalFields: {},
		});
		const items = await runNode(emulator, {
			resource: 'reward',
			operation: 'getAll',
			returnAll: true,
			filters: { customerKey: 'acme' },
		});
		expect(items).toHaveLength(1);
		expect(
			await runNode(emulator, {
				resource: 'reward',
				operation: 'getAll',
				returnAll: true,
				filters: { customerKey: 'someone-else' },
			}),
		).toEqual([]);
	});
});

describe('action', () => {
	it('create, getAll and delete', async () => {
		const [action] = await runNode(emulator, {
			resource: 'action',
			operation: 'create',
			targetType: 'partnership',
			targetKey: 'ada',
			type: 'webinar_attended',
			value: 2,
			additionalFields: { externalKey: 'evt-1' },
		});
		expect(action.json).toMatchObject({
			type: 'webinar_attended',
			value: 2,
			target_key: 'ada',
			partner_key: 'ada',
			external_key: 'evt-1',
		});
		const listed = await runNode(emulator, {
			resource: 'action',
			operation: 'getAll',
			returnAll: true,
			filters: { actionType: 'webinar_attended' },
		});
		expect(listed.map((i) => i.json.key)).toEqual([action.json.key]);
		const [deleted] = await runNode(emulator, {
			resource: 'action',
			operation: 'delete',
			key: locator(String(action.json.key)),
		});
		expect(deleted.json.deleted).toBe(true);
		expect(
			await runNode(emulator, {
				resource: 'action',
				operation: 'getAll',
				returnAll: true,
				filters: {},
			}),
		).toEqual([]);
	});

	it('create: a value below 1 and an unknown target are refused with the API message', async () => {
		const zero = await runNodeError(emulator, {
			resource: 'action',
			operation: 'create',
			targetType: 'partnership',
			targetKey: 'ada',
			type: 'x',
			value: 0,
			additionalFields: {},
		});
		expect(zero.message).toMatch(/less than the minimum of 1/);
		const missing = await runNodeError(emulator, {
			resource: 'action',
			operation: 'create',
			targetType: 'customer',
			targetKey: 'ghost',
			type: 'x',
			value: 1,
			additionalFields: {},
		});
		expect(missing.message).toBe('customer ghost not found');
		expect(
			(
				await runNodeError(emulator, {
					resource: 'action',
					operation: 'delete',
					key: locator('actn_nope'),
				})
			).httpCode,
		).toBe('404');
	});
});
