/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// transport/createOnce.ts through the action node: a create whose answer is lost is settled by looking the object
// up by its natural key, never sent blind a second time. (The import's side of it: test/unit/import/lostAnswers.)
import { DEMO, emulatorWith, runNode } from '../../support/node';

const emulator = emulatorWith(DEMO);

describe('action node creates with a natural key', () => {
	const create = (resource: string, parameters: Record<string, unknown>) =>
		runNode(emulator, { resource, operation: 'create', ...parameters });

	it.each([
		[
			'customer',
			{ email: 'an@x.example', partnerKey: 'ada', customerKey: 'an-1' },
			'customers',
			(o: Record<string, unknown>) => o.customer_key === 'an-1',
		],
		[
			'partnership',
			{ email: 'np@x.example', additionalFields: { partnerKey: 'np-1' } },
			'partnerships',
			(o: Record<string, unknown>) => o.partner_key === 'np-1',
		],
		[
			'deal',
			{
				source: 'partner',
				partnerKey: 'ada',
				groupKey: 'grup_Resellers00001',
				additionalFields: { externalKey: 'an-deal' },
			},
			'deals',
			(o: Record<string, unknown>) => o.external_key === 'an-deal',
		],
		[
			'lead',
			{
				partnerKey: 'grace',
				externalKey: 'an@lead.example',
				status: 'open',
				firstName: 'A',
				lastName: 'N',
			},
			'leads',
			(o: Record<string, unknown>) => o.external_key === 'an@lead.example',
		],
		[
			'transaction',
			{ customerKey: 'acme', amount: 500, currency: 'USD', additionalFields: { key: 'an-txn' } },
			'transactions',
			(o: Record<string, unknown>) => o.key === 'an-txn',
		],
	])(
		'%s: the answer lost after the write is settled by a lookup, one object',
		async (resource, parameters, collection, mine) => {
			await emulator.faults({ script: [{ dropAfterWrite: true }] });
			const [item] = await create(resource, parameters);
			expect(item.json).toEqual(expect.objectContaining({ key: expect.any(String) }));
			const log = await emulator.requests();
			expect(log[0]).toMatchObject({ method: 'POST', fault: 'dropAfterWrite' });
			expect(log.filter((request) => request.method === 'POST')).toHaveLength(1);
			expect((await emulator.state<Record<string, unknown>>(collection)).filter(mine)).toHaveLength(
				1,
			);
		},
	);

	it.each([
		[
			'customer',
			{ customerKey: 'an-up', email: 'an-up@x.example', partnerKey: 'ada' },
			1, // GET /customers/an-up (404)
			'customers',
			(o: Record<string, unknown>) => o.customer_key === 'an-up',
		],
		[
			'partnership',
			{ email: 'np-up@x.example', partnerKey: 'np-up' },
			2, // GET by partner key, then by email (both 404)
			'partnerships',
			(o: Record<string, unknown>) => o.partner_key === 'np-up',
		],
	])(
		'%s upsert: the create whose answer was lost after the write is settled by a lookup, one object',
		async (resource, parameters, lookups, collection, mine) => {
			const served = Array.from({ length: lookups }, () => ({ latencyMs: 0 }));
			await emulator.faults({ script: [...served, { dropAfterWrite: true }] });
			const [item] = await runNode(emulator, { resource, operation: 'upsert', ...parameters });
			expect(item.json).toEqual(expect.objectContaining({ upsertResult: 'created' }));
			const posts = (await emulator.requests()).filter((request) => request.method === 'POST');
			expect(posts).toHaveLength(1);
			expect(posts[0]).toMatchObject({ fault: 'dropAfterWrite' });
			expect((await emulator.state<Record<string, unknown>>(collection)).filter(mine)).toHaveLength(
				1,
			);
		},
	);

	it('without a natural key a lost answer is an error, never a blind second create', async () => {
		await emulator.faults({ script: [{ drop: true }] });
		await expect(
			create('customer', { email: 'nokey@x.example', partnerKey: 'ada' }),
		).rejects.toThrow(/could not be reached \((ECONNRESET|UND_ERR_SOCKET)\)/);
		expect((await emulator.requests()).filter((request) => request.method === 'POST')).toHaveLength(
			1,
		);
	});
});
