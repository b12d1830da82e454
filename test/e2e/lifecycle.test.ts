/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// Issue 16 end to end: the partner lifecycle a real n8n runs against the emulator — applications approved and
// declined (with the webhook events PartnerStack fires), tiers, deal upsert by external key, and the records export.
import { DEMO } from '../support/node';
import { chainSuite } from './support/workflows';

jest.setTimeout(240_000);

const locator = (value: string) => ({ __rl: true, mode: 'id', value });

const SEED = {
	...DEMO,
	tiers: [
		{ key: 'tier_Silver', name: 'Silver', position: 1 },
		{ key: 'tier_Gold', name: 'Gold', position: 2 },
	],
	applications: [
		{
			key: 'appl_Linus',
			email: 'linus@kernel.example',
			first_name: 'Linus',
			last_name: 'Torvalds',
			group_key: 'grup_Resellers00001',
		},
		{
			key: 'appl_Mallory',
			email: 'mallory@spam.example',
			first_name: 'Mallory',
			last_name: 'Spam',
			group_key: 'grup_Affiliates0001',
		},
	],
};

const { emulator, run, output } = chainSuite(SEED);

/** A hook subscribed to the lifecycle events: the emulator records each delivery with its body. */
async function subscribe() {
	const events = [
		'application.approved',
		'application.declined',
		'partnership.created',
		'partnership.updated',
		'partnership.tags_updated',
	];
	await emulator.api('POST', '/api/v2/webhooks', {
		target_url: 'http://127.0.0.1:9/e2e-hook',
		events,
	});
}

it('application: pending list → approve → tier and tag the new partnership; approved and created events fire', async () => {
	await subscribe();
	const result = run('application approve flow', [
		{
			name: 'Pending',
			parameters: {
				resource: 'application',
				operation: 'getAll',
				returnAll: false,
				limit: 1,
				filters: { status: 'pending', group: 'resellers' },
			},
		},
		{
			name: 'Approve',
			parameters: {
				resource: 'application',
				operation: 'approve',
				key: { __rl: true, mode: 'id', value: '={{ $json.key }}' },
			},
		},
		{
			name: 'Tiers',
			parameters: { resource: 'tier', operation: 'getAll', returnAll: true, filters: {} },
		},
		{
			name: 'Tier and tag',
			parameters: {
				resource: 'partnership',
				operation: 'upsert',
				email: "={{ $('Approve').item.json.email }}",
				partnerKey: "={{ $('Approve').item.json.partner_key }}",
				additionalFields: {
					tierKey: "={{ $('Tiers').all().find((t) => t.json.name === 'Gold').json.key }}",
					tags: 'onboarded',
				},
			},
		},
	]);
	expect(output(result, 'Pending').map((item) => item.json.key)).toEqual(['appl_Linus']);
	const approved = output(result, 'Approve')[0].json;
	expect(approved).toMatchObject({
		key: 'appl_Linus',
		approved: true,
		group_key: 'grup_Resellers00001',
	});
	expect(String(approved.partnership_key)).toMatch(/^part_/);
	expect(output(result, 'Tiers').map((item) => item.json.name)).toEqual(['Gold', 'Silver']);
	// Upsert runs once per tier item; each run leaves the partner in Gold with the tag.
	expect(output(result, 'Tier and tag')[0].json).toMatchObject({
		partner_key: approved.partner_key,
		tier_name: 'Gold',
		tags: ['onboarded'],
		upsertResult: 'updated',
	});

	const deliveries = await emulator.deliveries();
	const events = deliveries.map((d) => d.event);
	expect(events).toEqual(
		expect.arrayContaining([
			'partnership.created',
			'application.approved',
			'partnership.updated',
			'partnership.tags_updated',
		]),
	);
	const approvedEvent = deliveries.find((d) => d.event === 'application.approved')!.body as Record<
		string,
		unknown
	>;
	expect(approvedEvent).toMatchObject({
		key: 'appl_Linus',
		approved: true,
		partner_key: approved.partner_key,
		partnership_key: approved.partnership_key,
	});
});

it('application: decline with a reason fires application.declined only; deciding twice fails', async () => {
	await subscribe();
	const result = run('application decline flow', [
		{
			name: 'Decline',
			parameters: {
				resource: 'application',
				operation: 'decline',
				key: locator('appl_Mallory'),
				reason: 'Not a fit',
			},
		},
		{
			name: 'Again',
			onError: 'continueRegularOutput',
			parameters: { resource: 'application', operation: 'approve', key: locator('appl_Mallory') },
		},
	]);
	expect(output(result, 'Decline')[0].json).toMatchObject({
		key: 'appl_Mallory',
		approved: false,
		decline_reason: 'Not a fit',
		partner_key: null,
	});
	expect(output(result, 'Again')[0].json.error).toBe(
		'application appl_Mallory has already been declined',
	);
	expect(
		(await emulator.deliveries()).map((d) => [
			d.event,
			(d.body as Record<string, unknown>).decline_reason,
		]),
	).toEqual([['application.declined', 'Not a fit']]);
});

it('deal: upsert by external key creates, then updates the same deal', async () => {
	const upsert = {
		resource: 'deal',
		operation: 'upsert',
		externalKey: 'crm-e2e-1',
		source: 'partner',
		partnerKey: 'ada',
		groupKey: '',
		amountUnit: 'dollars',
	};
	const result = run('deal upsert flow', [
		{
			name: 'First',
			parameters: { ...upsert, additionalFields: { accountName: 'E2E Corp', amount: 100 } },
		},
		{
			name: 'Second',
			parameters: { ...upsert, additionalFields: { stage: 'Closed Won', lostReason: '' } },
		},
	]);
	const first = output(result, 'First')[0].json;
	expect(first).toMatchObject({
		external_key: 'crm-e2e-1',
		account_name: 'E2E Corp',
		amount: 10000,
		upsertResult: 'created',
	});
	expect(output(result, 'Second')[0].json).toMatchObject({
		key: first.key,
		stage: 'Closed Won',
		upsertResult: 'updated',
	});
	expect(
		(await emulator.state('deals')).filter((d) => d.external_key === 'crm-e2e-1'),
	).toHaveLength(1);
});

it('export: queues the export, and a 403 for types the keys cannot read carries the hint', async () => {
	const result = run('export flow', [
		{
			name: 'Export',
			parameters: {
				resource: 'export',
				operation: 'create',
				memberEmail: 'ops@vendor.example',
				exportTypes: ['partners', 'transactions'],
			},
		},
		{
			name: 'Forbidden',
			onError: 'continueRegularOutput',
			parameters: {
				resource: 'export',
				operation: 'create',
				memberEmail: 'ops@vendor.example',
				exportTypes: ['deals'],
			},
		},
	]);
	expect(output(result, 'Export')[0].json).toMatchObject({
		member_email: 'ops@vendor.example',
		export_types: ['partners', 'transactions'],
		status: 'queued',
	});
	const forbidden = output(result, 'Forbidden')[0].json;
	expect(forbidden).toMatchObject({
		error: 'None of the requested export types is accessible: deals',
		httpCode: '403',
	});
	expect(String(forbidden.description)).toMatch(/leads and deals exports need a plan/);
});
