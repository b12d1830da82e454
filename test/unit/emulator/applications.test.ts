/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// The emulator's applications endpoints (emulator/resources/applications.mjs), called as any client would.
import { emulatorWith } from '../../support/node';
import { APPLICATIONS, subscribe } from '../../support/seeds';

const emulator = emulatorWith(APPLICATIONS);

describe('the emulated decision endpoint', () => {
	it('requires the approved flag, and 404s an unknown application', async () => {
		const missing = await emulator.api('PATCH', '/api/v2/applications/appl_Linus/decision', {
			decision: 'approve',
		});
		expect(missing).toMatchObject({
			status: 400,
			body: { message: "'approved' is a required property" },
		});
		expect(
			(await emulator.api('PATCH', '/api/v2/applications/appl_Nope/decision', { approved: true }))
				.status,
		).toBe(404);
	});

	it('an approval whose applicant already is a partner fails and leaves the application pending', async () => {
		await emulator.api('POST', '/api/v2/partnerships', { email: 'linus@kernel.example' });
		const answer = await emulator.api('PATCH', '/api/v2/applications/appl_Linus/decision', {
			approved: true,
		});
		expect(answer.status).toBe(400);
		const [linus] = (
			await emulator.state<{ key: string; approved: unknown }>('applications')
		).filter((a) => a.key === 'appl_Linus');
		expect(linus.approved).toBeNull();
	});

	it('POST /applications stores a pending application and fires application.created', async () => {
		await subscribe(emulator, ['application.created']);
		const created = await emulator.api('POST', '/api/v2/applications', {
			email: 'new@apply.example',
			first_name: 'New',
			last_name: 'Applicant',
			group_key: 'grup_Affiliates0001',
		});
		expect(created.body.data).toMatchObject({
			approved: null,
			group: { key: 'grup_Affiliates0001' },
			content: { email: 'new@apply.example' },
		});
		expect((await emulator.deliveries()).map((d) => d.event)).toEqual(['application.created']);
	});
});
