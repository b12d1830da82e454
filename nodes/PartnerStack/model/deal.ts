import type { ObjectFields } from './types';
import {
	API_STRING,
	archivedField,
	createdAtField,
	groupFilterField,
	keyField,
	updatedAtField,
} from './types';

/** A sales opportunity a partner (or the vendor) registered. */
export const deal = {
	key: keyField,
	externalKey: { api: 'external_key', param: 'externalKey', kind: 'text', simple: true },
	accountName: { api: 'account_name', param: 'accountName', kind: 'text', simple: true },
	partnerKey: {
		api: 'partner_key',
		param: 'partnerKey',
		kind: 'text',
		maxLength: API_STRING,
		simple: true,
		filters: { partnerKey: 'partner_key' },
	},
	stage: { api: 'stage', param: 'stage', kind: 'text', maxLength: API_STRING, simple: true },
	lostReason: { api: 'lost_reason', param: 'lostReason', kind: 'text', simple: true },
	amount: { api: 'amount', param: 'amount', kind: 'cents', simple: true },
	closeDate: { api: 'close_date', param: 'closeDate', kind: 'date', simple: true },
	contactFirstName: {
		api: 'contact_first_name',
		param: 'contactFirstName',
		kind: 'text',
		simple: true,
	},
	contactLastName: {
		api: 'contact_last_name',
		param: 'contactLastName',
		kind: 'text',
		simple: true,
	},
	groupKey: {
		api: 'group_key',
		param: 'groupKey',
		kind: 'text',
		maxLength: API_STRING,
		simple: true,
	},
	customerKey: {
		api: 'customer_key',
		param: 'customerKey',
		kind: 'text',
		simple: true,
		filters: { customerKey: 'customer_key' },
	},
	customFields: { api: 'fields', param: 'customFields', kind: 'jsonList', simple: true },
	archived: archivedField,
	createdAt: createdAtField(),
	updatedAt: updatedAtField(),
	/** `partner` (the default: a partner's deal) or `vendor` (then the group is required instead). */
	source: { api: 'source', param: 'source', kind: 'enum' },
	moldKey: { api: 'mold_key', param: 'moldKey', kind: 'text' },
	group: groupFilterField,
} satisfies ObjectFields;
