import { DEMO, emulatorWith, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

const upsert = (externalKey: string, extra: Record<string, unknown> = {}) => ({
	resource: 'deal',
	operation: 'upsert',
	externalKey,
	source: 'partner',
	partnerKey: 'ada',
	groupKey: '',
	amountUnit: 'dollars',
	additionalFields: {},
	...extra,
});

describe('deal upsert', () => {
	it('updates the deal with that external key (PATCH by its key), leaving source and external key alone', async () => {
		await emulator.clearRequests();
		const [item] = await runNode(
			emulator,
			upsert('crm-globex', {
				additionalFields: { stage: 'Closed Won', amount: 2500, lostReason: '' },
			}),
		);
		expect(item.json).toMatchObject({
			key: 'deal_Globex',
			external_key: 'crm-globex',
			stage: 'Closed Won',
			amount: 250000,
			upsertResult: 'updated',
		});
		const patch = (await emulator.requests()).find((r) => r.method === 'PATCH')!;
		expect(patch.path).toBe('/api/v2/deals/deal_Globex');
		expect(patch.body).toEqual({ partner_key: 'ada', stage: 'Closed Won', amount: 250000 });
		expect((await emulator.state('deals')).length).toBe(1);
	});

	it('creates the deal when no deal has that external key', async () => {
		const [item] = await runNode(
			emulator,
			upsert('crm-initech', { additionalFields: { accountName: 'Initech', amount: 99.5 } }),
		);
		expect(item.json).toMatchObject({
			external_key: 'crm-initech',
			account_name: 'Initech',
			amount: 9950,
			partner_key: 'ada',
			upsertResult: 'created',
		});
		const [again] = await runNode(
			emulator,
			upsert('crm-initech', { additionalFields: { amount: 100 } }),
		);
		expect(again.json).toMatchObject({
			key: item.json.key,
			amount: 10000,
			upsertResult: 'updated',
		});
		expect((await emulator.state('deals')).length).toBe(2);
	});

	it('a deal whose own key is the text is not taken for an external key match', async () => {
		const [item] = await runNode(
			emulator,
			upsert('deal_Globex', { additionalFields: { accountName: 'Other' } }),
		);
		expect(item.json).toMatchObject({ external_key: 'deal_Globex', upsertResult: 'created' });
	});

	it('creating under an unknown partner fails with the API message and its hint; nothing is written', async () => {
		const error = await runNodeError(emulator, upsert('crm-new', { partnerKey: 'nobody' }));
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('partner_key nobody not found');
		expect((await emulator.state('deals')).length).toBe(1);
	});

	it('an empty external key is refused before any request', async () => {
		await emulator.clearRequests();
		const error = await runNodeError(emulator, upsert('  '));
		expect(error.message).toMatch(/External Key is required/);
		expect(await emulator.requests()).toEqual([]);
	});
});
