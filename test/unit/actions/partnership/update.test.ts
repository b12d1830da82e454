/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';
import { TIERS } from '../../../support/seeds';

const emulator = emulatorWith(DEMO);

describe('partnership update', () => {
	it('moves the partner to another group (by partner key)', async () => {
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'update',
			key: locator('grace'),
			updateFields: { groupKey: 'grup_Resellers00001', managerEmail: 'pm@vendor.example' },
		});
		expect(item.json).toMatchObject({
			partner_key: 'grace',
			group_key: 'grup_Resellers00001',
			manager_email: 'pm@vendor.example',
		});
		expect(
			(await emulator.requests()).some(
				(r) => r.method === 'PATCH' && r.path === '/api/v2/partnerships/part_Grace',
			),
		).toBe(true);
	});

	it('an unknown group is refused with the API message', async () => {
		const error = await runNodeError(emulator, {
			resource: 'partnership',
			operation: 'update',
			key: locator('part_Grace'),
			updateFields: { groupKey: 'grup_Nope' },
		});
		expect(error.message).toBe('group_key grup_Nope not found');
	});

	describe('tier', () => {
		beforeEach(async () => {
			await emulator.reset(TIERS);
		});

		it('sends updateFields.tierKey; the output names the tier', async () => {
			const [item] = await runNode(emulator, {
				resource: 'partnership',
				operation: 'update',
				key: locator('ada'),
				updateFields: { tierKey: 'tier_Silver' },
			});
			expect(item.json).toMatchObject({
				partner_key: 'ada',
				tier_key: 'tier_Silver',
				tier_name: 'Silver',
			});
		});

		it('an unknown tier is refused with the API message', async () => {
			const error = await runNodeError(emulator, {
				resource: 'partnership',
				operation: 'update',
				key: locator('ada'),
				updateFields: { tierKey: 'tier_Nope' },
			});
			expect(error.httpCode).toBe('400');
			expect(error.message).toBe('tier_key tier_Nope does not match any tier');
		});
	});
});
