import { DEMO, emulatorWith, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

const create = {
	resource: 'lead',
	operation: 'create',
	partnerKey: 'grace',
	status: 'open',
	firstName: 'Bill',
	lastName: 'Lumbergh',
	amountUnit: 'cents',
};

describe('lead create', () => {
	it('names and form fields go to meta', async () => {
		const [lead] = await runNode(emulator, {
			...create,
			externalKey: 'bill@initech.example',
			additionalFields: {
				email: 'bill@initech.example',
				formFields: '{"company_size":"500"}',
				amount: 9900,
			},
		});
		expect(lead.json).toMatchObject({
			external_key: 'bill@initech.example',
			first_name: 'Bill',
			last_name: 'Lumbergh',
			email: 'bill@initech.example',
			amount: 9900,
			status: 'open',
		});
		const post = (await emulator.requests()).find((r) => r.method === 'POST');
		expect(post!.body).toMatchObject({
			meta: {
				company_size: '500',
				first_name: 'Bill',
				last_name: 'Lumbergh',
				email: 'bill@initech.example',
			},
		});
	});

	it('a duplicate external key is refused', async () => {
		expect(
			(
				await runNodeError(emulator, {
					...create,
					externalKey: 'peter@initech.example',
					additionalFields: {},
				})
			).message,
		).toBe('external_key peter@initech.example already exists');
	});
});
