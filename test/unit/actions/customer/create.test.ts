import { KEYS } from '../../../support/emulator';
import { DEMO, emulatorWith, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('customer create', () => {
	it('sends email, partner and customer key', async () => {
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

	it('an unknown partner fails with the API message and a hint', async () => {
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

	describe('the test partner gstest', () => {
		const forTestPartner = {
			resource: 'customer',
			operation: 'create',
			email: 't@b.example',
			partnerKey: '',
			customerKey: 't1',
		};

		it('without it, a partner key is required', async () => {
			const error = await runNodeError(emulator, forTestPartner);
			expect(error.message).toMatch(/Partner Key is required/);
		});

		it('needs a sandbox credential', async () => {
			const refused = await runNodeError(emulator, { ...forTestPartner, useTestPartner: true });
			expect(refused.message).toMatch(/needs a credential marked Sandbox/);
		});

		it('files the customer under gstest when asked, with test keys', async () => {
			const [item] = await runNode(
				emulator,
				{ ...forTestPartner, useTestPartner: true },
				{ keys: KEYS.test, sandbox: true },
			);
			expect(item.json).toMatchObject({ partner_key: 'gstest', test: true, sandbox: true });
		});
	});
});
