// Actions, deals and leads: the objects partners register and vendors move through a sales cycle.
import { ApiError, listPage } from '../store.mjs';
import { validateBody, pick } from '../validate.mjs';
import { CHOICES } from '../choices.mjs';
import {
	archivedAnswer,
	assertUnique,
	groupFilter,
	notFound,
	requireGroup,
	requirePartnership,
} from './shared.mjs';
import { createCustomer } from './customers.mjs';

const LEAD_STATUSES = ['open', 'closed', 'dead', 'closed won', 'closed lost'];
const ACTION_SCHEMA = {
	target_key: { type: 'string', required: true },
	target_type: { type: 'string', required: true, enum: ['partnership', 'customer'] },
	type: { type: 'string', required: true },
	value: { type: 'integer', required: true, min: 1 },
	external_key: { type: 'string', nullable: true },
};
const DEAL_FIELDS = {
	partner_key: { type: 'string', maxLength: 255 },
	group_key: { type: 'string', maxLength: 255 },
	source: { type: 'string', enum: ['partner', 'vendor'] },
	account_name: { type: 'string', nullable: true },
	amount: { type: 'integer', nullable: true, min: -2147483648, max: 2147483647 },
	close_date: { type: 'string', nullable: true, format: 'date' },
	contact_first_name: { type: 'string', nullable: true },
	contact_last_name: { type: 'string', nullable: true },
	stage: { type: 'string', maxLength: 255 },
	external_key: { type: 'string', nullable: true },
	lost_reason: { type: 'string', nullable: true },
	mold_key: { type: 'string', nullable: true },
	fields: { type: 'array', nullable: true },
	field_data: { type: 'object', nullable: true },
	meta: { type: 'object', nullable: true },
	customer_key: { type: 'string', nullable: true },
};
const LEAD_FIELDS = {
	partner_key: { type: 'string', maxLength: 255 },
	external_key: { type: 'string', maxLength: 255 },
	status: { type: 'string', enum: LEAD_STATUSES },
	meta: { type: 'object', nullable: true },
	amount: { type: 'integer', nullable: true },
	approved: { type: 'boolean', nullable: true },
	group_key: { type: 'string', nullable: true },
	mold_key: { type: 'string', nullable: true },
	fields: { type: 'array', nullable: true },
	field_data: { type: 'object', nullable: true },
	customer_key: { type: 'string', nullable: true },
	stage_data: { type: 'object', nullable: true },
};
const LEAD_CREATE_SCHEMA = Object.fromEntries(
	Object.entries(LEAD_FIELDS).map(([field, rule]) => [
		field,
		['partner_key', 'external_key', 'status', 'meta'].includes(field)
			? { ...rule, required: true, nullable: false }
			: rule,
	]),
);
const CONVERT_SCHEMA = {
	email: { type: 'string', required: true, format: 'email' },
	customer_key: { type: 'string', nullable: true },
	name: { type: 'string', nullable: true },
};

function groupStages(store, groupKey, objectType = 'deal') {
	return store
		.all('stages')
		.filter((stage) => stage.group_key === groupKey && stage.object_type === objectType);
}

function assertStage(store, groupKey, stage) {
	const stages = groupStages(store, groupKey);
	if (stages.length && !stages.some((s) => s.name === stage || s.key === stage)) {
		throw new ApiError(
			400,
			`'${stage}' is not a deal stage of this group (${stages.map((s) => s.name).join(', ')})`,
		);
	}
}

function convertToCustomer(context, object, body, isTest, sourceType) {
	validateBody(body, CONVERT_SCHEMA);
	if (object.customer_key && object.converted) {
		throw new ApiError(
			400,
			`${sourceType} ${object.key} has already been converted to customer ${object.customer_key}`,
		);
	}
	const customer = createCustomer(
		context,
		{
			partner_key: object.partner_key,
			email: body.email,
			customer_key: body.customer_key ?? null,
			name: body.name ?? object.account_name ?? null,
		},
		{ isTest: isTest || object.test, source: { type: sourceType, key: object.key } },
	);
	context.store.touch(object, {
		customer_key: customer.customer_key ?? customer.key,
		converted: true,
	});
	return customer;
}

export function pipelineRoutes(context) {
	const { store, emit } = context;
	const findDeal = (id) =>
		store.find('deals', id, CHOICES.dealLookupFields) ??
		(() => {
			throw notFound('deal', id);
		})();
	const findLead = (id) =>
		store.find('leads', id, CHOICES.leadLookupFields) ??
		(() => {
			throw notFound('lead', id);
		})();

	return [
		[
			'GET',
			'/api/v2/actions',
			({ query }) => ({
				data: listPage(store.all('actions'), query, {
					partnership_key: (a, value) => a.partnership_key === value,
					action_type: (a, value) => a.type === value,
					partner_key: (a, value) => a.partner_key === value,
				}),
			}),
		],
		[
			'POST',
			'/api/v2/actions',
			({ body, isTest }) => {
				validateBody(body, ACTION_SCHEMA);
				let partnership;
				let customer = null;
				if (body.target_type === 'customer') {
					const found = store.find('customers', body.target_key, ['customer_key', 'key']);
					if (!found) throw new ApiError(400, `customer ${body.target_key} not found`);
					customer = { key: found.key, sub_ids: [] };
					partnership = store.find('partnerships', found.partner_key, ['partner_key']);
				} else {
					partnership = requirePartnership(store, body.target_key);
				}
				const action = store.insert('actions', 'action', {
					...pick(body, ['target_key', 'target_type', 'type', 'value']),
					external_key: body.external_key ?? null,
					partnership_key: partnership?.key ?? null,
					partner_key: partnership?.partner_key ?? null,
					customer,
					company: { key: 'comp_emulator', name: 'Emulated Program' },
					archived: false,
					test: isTest,
				});
				return { data: action, message: 'Action recorded' };
			},
		],
		[
			'DELETE',
			'/api/v2/actions/:key',
			({ params }) => {
				const action = store.find('actions', params.key);
				if (!action) throw notFound('action', params.key);
				store.touch(action, { archived: true });
				for (const reward of store.all('rewards')) {
					if (reward.action?.key === action.key) store.touch(reward, { archived: true });
				}
				return archivedAnswer(action, 'Action archived');
			},
		],

		[
			'GET',
			'/api/v2/deals',
			({ query }) => ({
				data: listPage(store.all('deals'), query, {
					partner_key: (d, value) => d.partner_key === value,
					customer_key: (d, value) => d.customer_key === value,
					stage: (d, value) => d.stage === value,
					group: groupFilter((d) => store.find('groups', d.group_key)),
					group_key: groupFilter((d) => store.find('groups', d.group_key)),
				}),
			}),
		],
		[
			'POST',
			'/api/v2/deals',
			({ body, isTest }) => {
				validateBody(body, DEAL_FIELDS);
				const source = body.source ?? 'partner';
				let groupKey = body.group_key;
				let partnership;
				if (source === 'partner') {
					if (!body.partner_key) throw new ApiError(400, "'partner_key' is a required property");
					partnership = requirePartnership(store, body.partner_key);
					groupKey = groupKey ?? partnership.group?.key;
				} else if (!groupKey) {
					throw new ApiError(400, "'group_key' is a required property");
				}
				if (groupKey) requireGroup(store, groupKey);
				if (body.stage) assertStage(store, groupKey, body.stage);
				assertUnique(
					store,
					'deals',
					'external_key',
					body.external_key ?? undefined,
					'external_key',
				);
				const deal = store.insert('deals', 'deal', {
					account_name: null,
					amount: null,
					close_date: null,
					contact_first_name: null,
					contact_last_name: null,
					stage: groupStages(store, groupKey)[0]?.name ?? 'open',
					external_key: null,
					lost_reason: null,
					mold_key: null,
					fields: [],
					customer_key: null,
					team: partnership?.team ?? null,
					team_member: null,
					...pick(body, Object.keys(DEAL_FIELDS)),
					source,
					group_key: groupKey ?? null,
					partner_key: partnership?.partner_key ?? null,
					archived: false,
					test: isTest || Boolean(partnership?.test),
				});
				emit('deal.created', deal);
				return { data: deal, message: 'Deal created' };
			},
		],
		['GET', '/api/v2/deals/:id', ({ params }) => ({ data: findDeal(params.id) })],
		[
			'PATCH',
			'/api/v2/deals/:id',
			({ params, body }) => {
				validateBody(body, DEAL_FIELDS);
				const deal = findDeal(params.id);
				if (body.partner_key) requirePartnership(store, body.partner_key);
				if (body.stage) assertStage(store, body.group_key ?? deal.group_key, body.stage);
				if (body.external_key && body.external_key !== deal.external_key) {
					assertUnique(store, 'deals', 'external_key', body.external_key, 'external_key');
				}
				const stageChanged = body.stage !== undefined && body.stage !== deal.stage;
				store.touch(deal, pick(body, Object.keys(DEAL_FIELDS)));
				emit('deal.updated', deal);
				if (stageChanged) emit('deal.stage_updated', deal);
				return { data: deal, message: 'Deal updated' };
			},
		],
		[
			'DELETE',
			'/api/v2/deals/:id',
			({ params }) => {
				return archivedAnswer(
					store.touch(findDeal(params.id), { archived: true }),
					'Deal archived',
				);
			},
		],
		[
			'POST',
			'/api/v2/deals/:id/convert',
			({ params, body, isTest }) => {
				const customer = convertToCustomer(context, findDeal(params.id), body, isTest, 'deal');
				return { data: customer, message: 'Deal converted' };
			},
		],

		[
			'GET',
			'/api/v2/leads',
			({ query }) => ({
				data: listPage(store.all('leads'), query, {
					partner_key: (l, value) => l.partner_key === value,
					status: (l, value) => l.status === value,
					external_key: (l, value) => l.external_key === value,
					group: groupFilter((l) => store.find('groups', l.group_key)),
					group_key: groupFilter((l) => store.find('groups', l.group_key)),
				}),
			}),
		],
		[
			'POST',
			'/api/v2/leads',
			({ body, isTest }) => {
				validateBody(body, LEAD_CREATE_SCHEMA);
				const partnership = requirePartnership(store, body.partner_key);
				for (const name of ['first_name', 'last_name']) {
					if (!body.meta[name]) throw new ApiError(400, `'meta' must include '${name}'`);
				}
				if (body.group_key) requireGroup(store, body.group_key);
				assertUnique(store, 'leads', 'external_key', body.external_key, 'external_key');
				const lead = store.insert('leads', 'lead', {
					amount: null,
					approved: null,
					mold_key: null,
					fields: [],
					customer_key: null,
					stage_data: null,
					...pick(body, Object.keys(LEAD_FIELDS)),
					group_key: body.group_key ?? partnership.group?.key ?? null,
					archived: false,
					test: isTest || Boolean(partnership.test),
				});
				emit('lead.created', lead);
				return { data: lead, message: 'Lead created' };
			},
		],
		['GET', '/api/v2/leads/:id', ({ params }) => ({ data: findLead(params.id) })],
		[
			'PATCH',
			'/api/v2/leads/:id',
			({ params, body }) => {
				validateBody(body, LEAD_FIELDS);
				const lead = findLead(params.id);
				if (body.partner_key) requirePartnership(store, body.partner_key);
				if (body.external_key && body.external_key !== lead.external_key) {
					assertUnique(store, 'leads', 'external_key', body.external_key, 'external_key');
				}
				const approvalChanged =
					body.approved !== undefined && body.approved !== null && body.approved !== lead.approved;
				const changes = pick(body, Object.keys(LEAD_FIELDS));
				if (body.meta) changes.meta = { ...lead.meta, ...body.meta };
				store.touch(lead, changes);
				emit('lead.updated', lead);
				if (approvalChanged) emit(lead.approved ? 'lead.approved' : 'lead.declined', lead);
				return { data: lead, message: 'Lead updated' };
			},
		],
		[
			'DELETE',
			'/api/v2/leads/:id',
			({ params }) => {
				return archivedAnswer(
					store.touch(findLead(params.id), { archived: true }),
					'Lead archived',
				);
			},
		],
		[
			'POST',
			'/api/v2/leads/:id/convert',
			({ params, body, isTest }) => {
				const customer = convertToCustomer(context, findLead(params.id), body, isTest, 'lead');
				return { data: customer, message: 'Lead converted' };
			},
		],
	];
}
