/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import { DEMO, emulatorWith, runNode, runNodeError } from '../../../support/node';
import { TIERS } from '../../../support/seeds';

const emulator = emulatorWith(DEMO);

describe('partnership create', () => {
	it('adds a partner with group and tags, simplified', async () => {
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'create',
			email: 'new@example.com',
			additionalFields: {
				firstName: 'New',
				lastName: 'Partner',
				groupKey: 'grup_Affiliates0001',
				tags: 'silver, emea ,',
				partnerKey: 'newp',
			},
		});
		expect(item.json).toMatchObject({
			partner_key: 'newp',
			email: 'new@example.com',
			group_key: 'grup_Affiliates0001',
			group_name: 'Affiliates',
			tags: ['silver', 'emea'],
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		const [created] = await emulator.requests().then((r) => r.filter((x) => x.method === 'POST'));
		expect(created.body).toEqual({
			email: 'new@example.com',
			first_name: 'New',
			last_name: 'Partner',
			group_key: 'grup_Affiliates0001',
			tags: ['silver', 'emea'],
			partner_key: 'newp',
		});
	});

	it('a duplicate partner key fails with the API message', async () => {
		const error = await runNodeError(emulator, {
			resource: 'partnership',
			operation: 'create',
			email: 'x@example.com',
			additionalFields: { partnerKey: 'ada' },
		});
		expect(error.message).toBe('partner_key ada already exists');
		expect(error.httpCode).toBe('400');
	});

	it('sends additionalFields.tierKey as tier_key; the output names the tier', async () => {
		await emulator.reset(TIERS);
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'create',
			email: 'tiered@example.com',
			additionalFields: { tierKey: 'tier_Gold' },
		});
		expect(item.json).toMatchObject({
			email: 'tiered@example.com',
			tier_key: 'tier_Gold',
			tier_name: 'Gold',
		});
		expect((await emulator.requests()).find((r) => r.method === 'POST')!.body).toMatchObject({
			tier_key: 'tier_Gold',
		});
	});
});
