import { ApiError, listPage, newKey } from '../store.mjs';
import { validateBody, pick } from '../validate.mjs';
import { CHOICES } from '../choices.mjs';
import {
	archivedAnswer,
	assertUnique,
	defaultGroup,
	groupFilter,
	groupSummary,
	notFound,
	requireGroup,
} from './shared.mjs';

const CREATE_SCHEMA = {
	email: { type: 'string', required: true, maxLength: 255, format: 'email' },
	group_key: { type: 'string', nullable: true, maxLength: 255 },
	first_name: { type: 'string', nullable: true, maxLength: 50 },
	last_name: { type: 'string', nullable: true, maxLength: 50 },
	partner_key: { type: 'string', nullable: true, maxLength: 255 },
	manager_email: { type: 'string', nullable: true },
	manager_name: { type: 'string', nullable: true },
	tags: { type: 'array', nullable: true },
	fields: { type: 'array', nullable: true },
	field_data: { type: 'object', nullable: true },
	meta: { type: 'object', nullable: true },
	tier_key: { type: 'string', nullable: true },
};
const UPDATE_SCHEMA = {
	group_key: { type: 'string', maxLength: 255 },
	manager_email: { type: 'string', nullable: true },
	manager_name: { type: 'string', nullable: true },
	tier_key: { type: 'string', nullable: true },
	partner_key: { type: 'string', maxLength: 255 },
	first_name: { type: 'string', maxLength: 50 },
	last_name: { type: 'string', maxLength: 50 },
	email: { type: 'string', maxLength: 255, format: 'email' },
	fields: { type: 'array', nullable: true },
	field_data: { type: 'object', nullable: true },
	meta: { type: 'object', nullable: true },
};

function generatedPartnerKey(store, body) {
	const base =
		`${body.first_name ?? ''}${body.last_name ?? ''}`.replace(/[^A-Za-z0-9]/g, '') ||
		body.email.split('@')[0].replace(/[^A-Za-z0-9]/g, '');
	let candidate = base.toLowerCase() || 'partner';
	for (let n = 2; store.find('partnerships', candidate, ['partner_key']); n++)
		candidate = `${base.toLowerCase()}${n}`;
	return candidate;
}

export function findPartnership(store, identifier) {
	const partnership = store.find('partnerships', identifier, CHOICES.partnershipLookupFields);
	if (!partnership) throw notFound('partnership', identifier);
	return partnership;
}

/** A partnership carries its tier as `{key, name}`; an unknown `tier_key` is a 400, as any unknown key in a body. */
function tierSummary(store, tierKey) {
	if (!tierKey) return null;
	const tier = store.find('tiers', tierKey);
	if (!tier) throw new ApiError(400, `tier_key ${tierKey} does not match any tier`);
	return { key: tier.key, name: tier.name };
}

function normaliseTags(tags) {
	return [...new Set((tags ?? []).map((tag) => String(tag).trim()).filter(Boolean))];
}

/** Creates a partnership: the API's create and an approved application share it. */
export function createPartnership({ store, emit }, body, isTest) {
	validateBody(body, CREATE_SCHEMA);
	assertUnique(store, 'partnerships', 'partner_key', body.partner_key ?? undefined);
	if (
		store
			.all('partnerships')
			.some((p) => !p.archived && p.email.toLowerCase() === body.email.toLowerCase())
	) {
		throw new ApiError(
			CHOICES.duplicateStatus,
			`A partnership with email ${body.email} already exists`,
		);
	}
	const group = body.group_key ? requireGroup(store, body.group_key) : defaultGroup(store);
	const partnership = store.insert('partnerships', 'partnership', {
		partner_key: body.partner_key ?? generatedPartnerKey(store, body),
		email: body.email,
		first_name: body.first_name ?? null,
		last_name: body.last_name ?? null,
		group: groupSummary(group),
		tags: normaliseTags(body.tags),
		manager: body.manager_email
			? { email: body.manager_email, name: body.manager_name ?? null }
			: null,
		team: { key: newKey('team'), name: `${body.first_name ?? body.email}'s team` },
		fields: body.fields ?? [],
		m_data: body.meta ?? body.field_data ?? {},
		tier: tierSummary(store, body.tier_key),
		claimed: false,
		joined_at: null,
		archived: false,
		test: isTest,
	});
	emit('partnership.created', partnership);
	return partnership;
}

export function partnershipRoutes({ store, emit }) {
	return [
		[
			'GET',
			'/api/v2/partnerships',
			({ query }) => ({
				data: listPage(store.all('partnerships'), query, {
					partner_key: (p, value) => p.partner_key === value,
					email: (p, value) => p.email.toLowerCase() === value.toLowerCase(),
					group: groupFilter((p) => p.group),
					group_key: groupFilter((p) => p.group),
				}),
			}),
		],
		[
			'POST',
			'/api/v2/partnerships',
			({ body, isTest }) => ({
				data: createPartnership({ store, emit }, body, isTest),
				message: 'Partnership created',
			}),
		],
		[
			'GET',
			'/api/v2/partnerships/:id',
			({ params }) => ({ data: findPartnership(store, params.id) }),
		],
		[
			'PATCH',
			'/api/v2/partnerships/:id',
			({ params, body }) => {
				validateBody(body, UPDATE_SCHEMA);
				const partnership = findPartnership(store, params.id);
				if (body.partner_key && body.partner_key !== partnership.partner_key) {
					assertUnique(store, 'partnerships', 'partner_key', body.partner_key);
				}
				const changes = pick(body, ['partner_key', 'first_name', 'last_name', 'email', 'fields']);
				if (body.meta || body.field_data)
					changes.m_data = { ...partnership.m_data, ...(body.meta ?? body.field_data) };
				if (body.manager_email !== undefined) {
					changes.manager = body.manager_email
						? { email: body.manager_email, name: body.manager_name ?? null }
						: null;
				}
				if (body.tier_key !== undefined) changes.tier = tierSummary(store, body.tier_key);
				const groupChanged = body.group_key && body.group_key !== partnership.group?.key;
				if (groupChanged) changes.group = groupSummary(requireGroup(store, body.group_key));
				store.touch(partnership, changes);
				emit('partnership.updated', partnership);
				if (groupChanged) emit('partnership.group_updated', partnership);
				return { data: partnership, message: 'Partnership updated' };
			},
		],
		[
			'DELETE',
			'/api/v2/partnerships/:id',
			({ params }) => {
				const partnership = findPartnership(store, params.id);
				store.touch(partnership, { archived: true });
				return archivedAnswer(partnership, 'Partnership archived');
			},
		],
		[
			'PATCH',
			'/api/v2/partnerships/:id/tags',
			({ params, body }) => {
				validateBody(body, {});
				const partnership = findPartnership(store, params.id);
				const pickList = (names) =>
					names.map((name) => body[name]).find((value) => value !== undefined) ?? [];
				const toAdd = pickList(CHOICES.tagsBodyFields.add);
				const toRemove = pickList(CHOICES.tagsBodyFields.remove);
				if (!Array.isArray(toAdd) || !Array.isArray(toRemove)) {
					throw new ApiError(400, "'add' and 'remove' must be arrays of tag names");
				}
				if (!toAdd.length && !toRemove.length)
					throw new ApiError(400, "One of 'add' or 'remove' is required");
				const removed = new Set(normaliseTags(toRemove));
				const tags = normaliseTags([...partnership.tags, ...toAdd]).filter(
					(tag) => !removed.has(tag),
				);
				store.touch(partnership, { tags });
				emit('partnership.tags_updated', partnership);
				return { data: partnership, message: 'Tags updated' };
			},
		],
		[
			'POST',
			'/api/v2/partnerships/:id/member',
			({ params, body }) => {
				validateBody(body, {
					email: { type: 'string', required: true, format: 'email' },
					first_name: { type: 'string', nullable: true },
					last_name: { type: 'string', nullable: true },
				});
				const partnership = findPartnership(store, params.id);
				const now = store.now();
				const member = {
					key: newKey('member'),
					...pick(body, ['email', 'first_name', 'last_name']),
					created_at: now,
					updated_at: now,
				};
				// The delivery carries what PartnerStack documents for a team join: the team and the person, no key of its own.
				emit('partner_team.member_joined', {
					team: { key: partnership.team?.key ?? null, name: partnership.team?.name ?? null },
					first_name: member.first_name ?? null,
					last_name: member.last_name ?? null,
					email: member.email,
					joined_at: now,
				});
				return { data: member, message: 'Member added' };
			},
		],
	];
}
