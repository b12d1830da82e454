/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import { emulatorWith, locator, runNode, runNodeError } from '../../../support/node';
import { APPLICATIONS, subscribe } from '../../../support/seeds';

const emulator = emulatorWith(APPLICATIONS);

describe('application approve', () => {
	it('sends the decision, creates the partnership and fires approved + partnership.created', async () => {
		await subscribe(emulator, ['application.approved', 'partnership.created']);
		await emulator.clearRequests();
		const [item] = await runNode(emulator, {
			resource: 'application',
			operation: 'approve',
			key: locator('appl_Linus'),
		});
		expect(item.json).toMatchObject({ key: 'appl_Linus', approved: true, decline_reason: null });
		expect(item.json.partner_key).toEqual(expect.any(String));
		expect(String(item.json.partnership_key)).toMatch(/^part_/);
		const decision = (await emulator.requests()).find((r) => r.method === 'PATCH')!;
		expect(decision).toMatchObject({
			path: '/api/v2/applications/appl_Linus/decision',
			body: { approved: true },
		});
		const partner = (await emulator.state<Record<string, unknown>>('partnerships')).find(
			(p) => p.key === item.json.partnership_key,
		);
		expect(partner).toMatchObject({
			email: 'linus@kernel.example',
			partner_key: item.json.partner_key,
			group: { key: 'grup_Resellers00001' },
		});
		const events = (await emulator.deliveries()).map((d) => [
			d.event,
			(d.body as Record<string, unknown>).email,
		]);
		expect(events).toEqual(
			expect.arrayContaining([
				['partnership.created', 'linus@kernel.example'],
				['application.approved', 'linus@kernel.example'],
			]),
		);
	});

	it('deciding twice is refused with the API message and changes nothing', async () => {
		await runNode(emulator, {
			resource: 'application',
			operation: 'approve',
			key: locator('appl_Linus'),
		});
		const partnersBefore = (await emulator.state('partnerships')).length;
		const error = await runNodeError(emulator, {
			resource: 'application',
			operation: 'approve',
			key: locator('appl_Linus'),
		});
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('application appl_Linus has already been approved');
		expect((await emulator.state('partnerships')).length).toBe(partnersBefore);
	});
});
