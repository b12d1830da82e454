/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import { DEMO, emulatorWith, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('deal create', () => {
	it('a partner deal with stage, amount in dollars and a close date', async () => {
		const [item] = await runNode(emulator, {
			resource: 'deal',
			operation: 'create',
			source: 'partner',
			partnerKey: 'ada',
			groupKey: '',
			amountUnit: 'dollars',
			additionalFields: {
				accountName: 'Hooli',
				amount: 1234.5,
				closeDate: '2026-12-31T00:00:00.000Z',
				stage: 'New',
				externalKey: 'crm-hooli',
			},
		});
		expect(item.json).toMatchObject({
			account_name: 'Hooli',
			amount: 123450,
			close_date: '2026-12-31',
			stage: 'New',
			partner_key: 'ada',
			group_key: 'grup_Resellers00001',
		});
	});

	it('a vendor deal needs a group', async () => {
		expect(
			(
				await runNodeError(emulator, {
					resource: 'deal',
					operation: 'create',
					source: 'vendor',
					groupKey: '',
					amountUnit: 'cents',
					additionalFields: {},
				})
			).message,
		).toMatch(/needs a Group/);
	});

	it('a stage outside the group is refused by the API', async () => {
		const error = await runNodeError(emulator, {
			resource: 'deal',
			operation: 'create',
			source: 'partner',
			partnerKey: 'ada',
			groupKey: '',
			amountUnit: 'cents',
			additionalFields: { stage: 'Imaginary' },
		});
		expect(error.message).toMatch(/not a deal stage of this group/);
	});
});
