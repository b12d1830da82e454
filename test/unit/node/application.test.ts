/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import { listSearch } from '../../../nodes/PartnerStack/methods';
import { credentialsFor, loadOptionsContext } from '../../support/engine';
import { KEYS } from '../../support/emulator';
import { DEMO, locator, runNode, runNodeError, startEmulator } from '../../support/node';

const emulator = startEmulator();

const APPLICATIONS = {
	...DEMO,
	applications: [
		{
			key: 'appl_Linus',
			email: 'linus@kernel.example',
			first_name: 'Linus',
			last_name: 'Torvalds',
			group_key: 'grup_Resellers00001',
			content: {
				first_name: 'Linus',
				last_name: 'Torvalds',
				email: 'linus@kernel.example',
				business_name: 'Kernel Consulting',
			},
		},
		{
			key: 'appl_Mallory',
			email: 'mallory@spam.example',
			first_name: 'Mallory',
			last_name: 'Spam',
			group_key: 'grup_Affiliates0001',
		},
		{
			key: 'appl_Old',
			email: 'old@example.com',
			first_name: 'Old',
			last_name: 'Timer',
			approved: false,
			decline_reason: 'Duplicate',
		},
	],
};

async function subscribe(events: string[]) {
	// A hook that nobody listens on still records every delivery (with its body) in the emulator.
	await emulator.api('POST', '/api/v2/webhooks', { target_url: 'http://127.0.0.1:9/hook', events });
}

beforeEach(async () => {
	await emulator.reset(APPLICATIONS);
});

describe('application', () => {
	it('getAll: pending applications of a group, simplified with group and content', async () => {
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

	it('getAll: declined ones, with the limit', async () => {
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
		const two = await runNode(emulator, {
			resource: 'application',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			filters: {},
		});
		expect(two).toHaveLength(2);
	});

	it('getAll: a status PartnerStack does not know (set by an expression) fails with the API message', async () => {
		const error = await runNodeError(emulator, {
			resource: 'application',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'waiting' },
		});
		expect(error.httpCode).toBe('400');
		expect(error.message).toMatch(/'waiting' is not one of/);
	});

	it('approve: sends the decision, creates the partnership and fires approved + partnership.created', async () => {
		await subscribe(['application.approved', 'partnership.created']);
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

	it('approve: deciding twice is refused with the API message and changes nothing', async () => {
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

	it('decline: with a reason, fires application.declined and creates no partnership', async () => {
		await subscribe(['application.declined', 'partnership.created']);
		const partnersBefore = (await emulator.state('partnerships')).length;
		const [item] = await runNode(emulator, {
			resource: 'application',
			operation: 'decline',
			key: locator('appl_Mallory'),
			reason: '  Not a fit  ',
		});
		expect(item.json).toMatchObject({
			key: 'appl_Mallory',
			approved: false,
			decline_reason: 'Not a fit',
			partner_key: null,
		});
		expect((await emulator.requests()).find((r) => r.method === 'PATCH')!.body).toEqual({
			approved: false,
			decline_reason: 'Not a fit',
		});
		expect((await emulator.state('partnerships')).length).toBe(partnersBefore);
		expect((await emulator.deliveries()).map((d) => d.event)).toEqual(['application.declined']);
	});

	it('decline: without a reason sends none; an unknown application is a 404', async () => {
		await runNode(emulator, {
			resource: 'application',
			operation: 'decline',
			key: locator('appl_Mallory'),
			reason: '',
		});
		expect((await emulator.requests()).find((r) => r.method === 'PATCH')!.body).toEqual({
			approved: false,
		});
		const error = await runNodeError(emulator, {
			resource: 'application',
			operation: 'decline',
			key: locator('appl_Nope'),
		});
		expect(error.httpCode).toBe('404');
	});

	it('continue on fail: an already decided application gives an error item, the others are decided', async () => {
		const items = await runNode(
			emulator,
			{ resource: 'application', operation: 'decline', reason: '' },
			{
				items: [{ json: {} }, { json: {} }],
				continueOnFail: true,
				itemParameters: [{ key: locator('appl_Old') }, { key: locator('appl_Mallory') }],
			},
		);
		expect(items.map((item) => [item.json.error ?? item.json.approved, item.pairedItem])).toEqual([
			['application appl_Old has already been declined', { item: 0 }],
			[false, { item: 1 }],
		]);
	});

	it('From List offers only the pending applications, searchable by name or email', async () => {
		const context = loadOptionsContext({
			credentials: credentialsFor(emulator.url, KEYS.production),
			parameters: {},
		});
		const all = await listSearch.searchPendingApplications.call(context as never);
		expect(all.results.map((result) => result.value).sort()).toEqual([
			'appl_Linus',
			'appl_Mallory',
		]);
		expect(all.results.find((result) => result.value === 'appl_Linus')!.name).toBe(
			'Linus Torvalds <linus@kernel.example> · Resellers',
		);
		const found = await listSearch.searchPendingApplications.call(context as never, 'spam.example');
		expect(found.results.map((result) => result.value)).toEqual(['appl_Mallory']);
		expect((await emulator.requests()).at(-1)!.query).toMatchObject({ status: 'pending' });
	});
});

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
		await subscribe(['application.created']);
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
