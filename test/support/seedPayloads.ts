/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test data: object keys, not secrets */
// Deliveries of every event family, shaped as PartnerStack's Workato connector lists their output fields. Each
// family has two DISTINCT deliveries that share whatever looks like an identity (the same object key and update
// time, the same team, the same course): both must start the workflow.
import type { IDataObject } from 'n8n-workflow';

const group = { key: 'grup_Resellers00001', name: 'Resellers', slug: 'resellers' };
const partnership = {
	email: 'ada@example.com',
	first_name: 'Ada',
	last_name: 'Lovelace',
	key: 'part_Ada',
	partner_key: 'ada',
	created_at: 1_796_000_000_000,
	updated_at: 1_796_300_000_000,
	manager: { name: 'Pat Manager', email: 'pm@vendor.example' },
	group,
	tier: { key: 'tier_Gold', name: 'Gold' },
	tags: ['gold'],
	team: { key: 'stck_Ada', name: 'Ada Consulting' },
};
const at = 1_796_342_400_000;

function application(
	event: string,
	approved: boolean | null,
	declineReason: string | null,
): [IDataObject, IDataObject] {
	const base = {
		key: 'appl_1',
		partner_key: 'ada',
		mold_key: 'mold_Appl',
		group,
		approved,
		decline_reason: declineReason,
		content: {
			first_name: 'Ada',
			last_name: 'Lovelace',
			email: 'ada@example.com',
			business_name: 'Ada Consulting',
		},
		created_at: at - 1000,
		updated_at: at,
		event,
	};
	return [base, { ...base, content: { ...base.content, business_name: 'Ada Consulting Ltd' } }];
}

function customer(event: string): [IDataObject, IDataObject] {
	const base = {
		key: 'cust_Acme',
		email: 'billing@acme.example',
		name: 'Acme',
		partner_key: 'ada',
		provider_key: 'cus_123',
		test: false,
		source_type: 'link',
		source_key: 'link_1',
		created_at: at - 1000,
		updated_at: at,
		archived: event === 'customer.deleted',
		event,
	};
	return [base, { ...base, name: 'Acme Inc.' }];
}

function deal(event: string): [IDataObject, IDataObject] {
	const base = {
		key: 'deal_Globex',
		partner_key: 'ada',
		account_name: 'Globex',
		contact_first_name: 'Hank',
		contact_last_name: 'Scorpio',
		stage: 'New',
		lost_reason: null,
		close_date: '2026-12-31',
		amount: 100000,
		fields: { seats: 50 },
		created_at: at - 1000,
		updated_at: at,
		event,
	};
	return [base, { ...base, stage: 'Closed Won', amount: 120000 }];
}

function lead(event: string): [IDataObject, IDataObject] {
	const base = {
		key: 'lead_Initech',
		partner_key: 'grace',
		status: 'open',
		name: 'Peter Gibbons',
		email: 'peter@initech.example',
		approved: event === 'lead.approved' ? true : event === 'lead.declined' ? false : null,
		fields: { size: 'mid' },
		created_at: at - 1000,
		updated_at: at,
		event,
	};
	return [base, { ...base, status: 'qualified' }];
}

function partnershipEvent(event: string): [IDataObject, IDataObject] {
	const base: IDataObject = { ...partnership, updated_at: at, event };
	if (event === 'partnership.tags_updated') {
		return [
			{ ...base, tags: ['gold', 'emea'], tags_added: ['emea'], tags_removed: [] },
			{ ...base, tags: ['emea'], tags_added: [], tags_removed: ['gold'] },
		];
	}
	return [
		base,
		{ ...base, group: { key: 'grup_Affiliates0001', name: 'Affiliates', slug: 'affiliates' } },
	];
}

/** Two people join the same team: no key, no updated_at, the same team. */
function teamJoin(event: string): [IDataObject, IDataObject] {
	const team = { key: 'stck_Ada', name: 'Ada Consulting' };
	return [
		{
			team,
			first_name: 'Charles',
			last_name: 'Babbage',
			email: 'charles@ada.example',
			joined_at: at,
			event,
		},
		{
			team,
			first_name: 'Mary',
			last_name: 'Somerville',
			email: 'mary@ada.example',
			joined_at: at,
			event,
		},
	];
}

/** Two partners complete the same course (or learning path): the same `id`, no key, no updated_at. */
function training(event: string): [IDataObject, IDataObject] {
	const course = {
		id: 4711,
		name: 'Selling the product',
		company_key: 'comp_emulator',
		completed_at: at,
		event,
	};
	return [
		{ ...course, partnership },
		{
			...course,
			partnership: {
				...partnership,
				key: 'part_Grace',
				partner_key: 'grace',
				email: 'grace@example.com',
				first_name: 'Grace',
				last_name: 'Hopper',
			},
		},
	];
}

function transaction(event: string): [IDataObject, IDataObject] {
	const base = {
		key: 'tran_1',
		amount: 4999,
		currency: 'EUR',
		amount_usd: 5400,
		customer_key: 'acme',
		category_key: 'subscription',
		product_key: 'pro',
		created_at: at,
		updated_at: at,
		event,
	};
	return [base, { ...base, key: 'tran_2', amount: 1999, amount_usd: 2160, product_key: 'starter' }];
}

const BUILDERS: Record<string, (event: string) => [IDataObject, IDataObject]> = {
	'application.approved': (event) => application(event, true, null),
	'application.created': (event) => application(event, null, null),
	'application.declined': (event) => application(event, false, 'Not a fit'),
	'customer.created': customer,
	'customer.deleted': customer,
	'customer.updated': customer,
	'deal.created': deal,
	'deal.stage_updated': deal,
	'deal.updated': deal,
	'lead.approved': lead,
	'lead.created': lead,
	'lead.declined': lead,
	'lead.updated': lead,
	'partner_team.member_joined': teamJoin,
	'partnership.created': partnershipEvent,
	'partnership.group_updated': partnershipEvent,
	'partnership.tags_updated': partnershipEvent,
	'partnership.updated': partnershipEvent,
	'training.course_completed': training,
	'training.learning_path_completed': training,
	'transaction.created': transaction,
};

/** Two distinct deliveries of an event (every event the trigger offers). */
export function distinctDeliveries(event: string): [IDataObject, IDataObject] {
	const build = BUILDERS[event];
	if (!build) throw new Error(`no seed-shaped payload for ${event}`);
	return build(event);
}
