/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import { DEMO, emulatorWith, runNode, runNodeError } from '../../../support/node';
import { TIERS } from '../../../support/seeds';

const emulator = emulatorWith(DEMO);

describe('partnership upsert', () => {
	it('updates the partner found by partner key', async () => {
		const [updated] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'upsert',
			email: 'ada@example.com',
			partnerKey: 'ada',
			additionalFields: { groupKey: 'grup_Affiliates0001' },
		});
		expect(updated.json).toMatchObject({
			partner_key: 'ada',
			group_key: 'grup_Affiliates0001',
			upsertResult: 'updated',
		});
	});

	it('without a partner key, updates the partner found by email', async () => {
		const [byEmail] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'upsert',
			email: 'grace@example.com',
			partnerKey: '',
			additionalFields: { managerName: 'Pat' },
		});
		expect(byEmail.json).toMatchObject({ partner_key: 'grace', upsertResult: 'updated' });
	});

	it('creates a missing partner', async () => {
		const [created] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'upsert',
			email: 'brand@example.com',
			partnerKey: 'brandnew',
			additionalFields: {},
		});
		expect(created.json).toMatchObject({ partner_key: 'brandnew', upsertResult: 'created' });
		expect(await emulator.state('partnerships')).toHaveLength(4);
	});

	it('a bad email on create fails with the API message', async () => {
		const error = await runNodeError(emulator, {
			resource: 'partnership',
			operation: 'upsert',
			email: 'not-an-email',
			partnerKey: 'zzz',
			additionalFields: {},
		});
		expect(error.message).toMatch(/not a valid email/);
	});

	describe('tier and tags', () => {
		beforeEach(async () => {
			await emulator.reset(TIERS);
			await emulator.clearRequests();
		});

		it('sets the tier of an existing partner and adds the missing tags, keeping the others', async () => {
			const [item] = await runNode(emulator, {
				resource: 'partnership',
				operation: 'upsert',
				email: 'ada@example.com',
				partnerKey: 'ada',
				additionalFields: { tierKey: 'tier_Gold', tags: 'gold, onboarded' },
			});
			expect(item.json).toMatchObject({
				partner_key: 'ada',
				tier_key: 'tier_Gold',
				tags: ['gold', 'onboarded'],
				upsertResult: 'updated',
			});
			const writes = (await emulator.requests()).filter((r) => r.method === 'PATCH');
			expect(writes.map((r) => [r.path, r.body])).toEqual([
				['/api/v2/partnerships/part_Ada', { tier_key: 'tier_Gold' }],
				['/api/v2/partnerships/part_Ada/tags', { add: ['onboarded'], remove: [] }],
			]);
		});

		it('with tags the partner already has, sends no tags request', async () => {
			const [item] = await runNode(emulator, {
				resource: 'partnership',
				operation: 'upsert',
				email: 'ada@example.com',
				partnerKey: 'ada',
				additionalFields: { tags: 'gold' },
			});
			expect(item.json).toMatchObject({ tags: ['gold'], upsertResult: 'updated' });
			expect((await emulator.requests()).filter((r) => r.method !== 'GET')).toEqual([]);
		});
	});
});
