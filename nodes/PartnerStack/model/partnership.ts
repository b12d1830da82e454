import type { ObjectFields } from './types';
import {
	API_STRING,
	archivedField,
	createdAtField,
	groupFilterField,
	keyField,
	testField,
	updatedAtField,
} from './types';

/** A partner's membership of the program ("partner" in the dashboard and the Data Importer). */
export const partnership = {
	key: keyField,
	/** Unique in the program; PartnerStack generates one from the name when none is given. */
	partnerKey: {
		api: 'partner_key',
		param: 'partnerKey',
		kind: 'text',
		maxLength: API_STRING,
		simple: true,
		filters: { partnerKey: 'partner_key' },
	},
	email: {
		api: 'email',
		param: 'email',
		kind: 'email',
		maxLength: API_STRING,
		simple: true,
		filters: { email: 'email' },
	},
	firstName: { api: 'first_name', param: 'firstName', kind: 'text', maxLength: 50, simple: true },
	lastName: { api: 'last_name', param: 'lastName', kind: 'text', maxLength: 50, simple: true },
	groupKey: {
		api: 'group_key',
		answeredAt: 'group.key',
		param: 'groupKey',
		kind: 'text',
		maxLength: API_STRING,
		simple: true,
	},
	groupName: { api: 'group_name', answeredAt: 'group.name', kind: 'text', simple: true },
	groupSlug: { api: 'group_slug', answeredAt: 'group.slug', kind: 'text', simple: true },
	tierKey: {
		api: 'tier_key',
		answeredAt: 'tier.key',
		param: 'tierKey',
		kind: 'text',
		simple: true,
	},
	tierName: { api: 'tier_name', answeredAt: 'tier.name', kind: 'text', simple: true },
	teamKey: { api: 'team_key', answeredAt: 'team.key', kind: 'text', simple: true },
	teamName: { api: 'team_name', answeredAt: 'team.name', kind: 'text', simple: true },
	tags: { api: 'tags', param: 'tags', kind: 'list', simple: true },
	managerName: {
		api: 'manager_name',
		answeredAt: 'manager.name',
		param: 'managerName',
		kind: 'text',
		simple: true,
	},
	managerEmail: {
		api: 'manager_email',
		answeredAt: 'manager.email',
		param: 'managerEmail',
		kind: 'email',
		simple: true,
	},
	/** False until the partner claims the partnership. */
	claimed: { api: 'claimed', kind: 'boolean', simple: true },
	archived: archivedField,
	test: testField,
	createdAt: createdAtField(),
	updatedAt: updatedAtField(),
	customFields: { api: 'fields', param: 'customFields', kind: 'jsonList' },
	/** Deprecated by PartnerStack in favour of `fields`, still accepted. */
	meta: { api: 'meta', param: 'meta', kind: 'jsonObject' },
	group: groupFilterField,
} satisfies ObjectFields;

/**
 * The body of `PATCH /partnerships/{key}/tags`: the tags to add and to remove. PartnerStack documents the endpoint
 * but not its body; `add` and `remove` are the plausible names, kept here once for every caller.
 */
export const TAG_CHANGES = { add: 'add', remove: 'remove' } as const;
