import { DEMO, emulatorWith, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('reward create', () => {
	it('for a partnership: the amount in dollars, pending', async () => {
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
	});

	it("for a customer: the target is the customer's key, the reward goes to its partner", async () => {
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

	it('an unknown target fails with the API message', async () => {
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
	});

	it('a negative amount is refused before the call', async () => {
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
});
