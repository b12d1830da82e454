/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import { emulatorWith, runNode, runNodeError } from '../../../support/node';
import { APPLICATIONS } from '../../../support/seeds';

const emulator = emulatorWith(APPLICATIONS);

describe('application getAll', () => {
	it('pending applications of a group, simplified with group and content', async () => {
		const items = await runNode(emulator, {
			resource: 'application',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'pending', group: 'resellers' },
		});
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				key: 'appl_Linus',
				email: 'linus@kernel.example',
				business_name: 'Kernel Consulting',
				group_key: 'grup_Resellers00001',
				group_name: 'Resellers',
				approved: null,
				partner_key: null,
			}),
		]);
		expect((await emulator.requests()).at(-1)!.query).toMatchObject({
			status: 'pending',
			group: 'resellers',
			limit: '250',
		});
	});

	it('declined ones, with their reason', async () => {
		const items = await runNode(emulator, {
			resource: 'application',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { status: 'declined' },
		});
		expect(items.map((item) => [item.json.key, item.json.decline_reason])).toEqual([
			['appl_Old', 'Duplicate'],
		]);
	});

	it('respects the limit', async () => {
		const two = await runNode(emulator, {
			resource: 'application',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			filters: {},
		});
		expect(two).toHaveLength(2);
	});

	it('a status PartnerStack does not know (set by an expression) fails with the API message', async () => {
		const error = await runNodeError(emulator, {
			resource: 'application',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'waiting' },
		});
		expect(error.httpCode).toBe('400');
		expect(error.message).toMatch(/'waiting' is not one of/);
	});
});
