import type { ObjectFields } from './types';
import {
	API_STRING,
	archivedField,
	createdAtField,
	groupFilterField,
	keyField,
	updatedAtField,
} from './types';

/** A prospect a partner submitted through the group's lead form. The person lives in `meta`. */
export const lead = {
	key: keyField,
	/** Unique across the account; often the lead's email. */
	externalKey: { api: 'external_key', param: 'externalKey', kind: 'text', simple: true },
	partnerKey: {
		api: 'partner_key',
		param: 'partnerKey',
		kind: 'text',
		maxLength: API_STRING,
		simple: true,
		filters: { partnerKey: 'partner_key' },
	},
	/** open, closed, dead, closed won or closed lost (lower case). */
	status: {
		api: 'status',
		param: 'status',
		kind: 'enum',
		simple: true,
		filters: { status: 'status' },
	},
	approved: { api: 'approved', param: 'approved', kind: 'boolean', simple: true },
	amount: { api: 'amount', param: 'amount', kind: 'cents', simple: true },
	firstName: { api: 'first_name', inside: 'meta', param: 'firstName', kind: 'text', simple: true },
	lastName: { api: 'last_name', inside: 'meta', param: 'lastName', kind: 'text', simple: true },
	email: { api: 'email', inside: 'meta', param: 'email', kind: 'email', simple: true },
	groupKey: { api: 'group_key', param: 'groupKey', kind: 'text', simple: true },
	customerKey: { api: 'customer_key', param: 'customerKey', kind: 'text', simple: true },
	customFields: { api: 'fields', param: 'customFields', kind: 'jsonList', simple: true },
	archived: archivedField,
	createdAt: createdAtField(),
	updatedAt: updatedAtField(),
	/** The lead's person and the other answers of the lead form (the operation assembles it). */
	meta: { api: 'meta', param: 'meta', kind: 'jsonObject' },
	group: groupFilterField,
} satisfies ObjectFields;
