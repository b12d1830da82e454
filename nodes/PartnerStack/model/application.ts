import type { ObjectFields } from './types';
import { createdAtField, groupFilterField, keyField, testField, updatedAtField } from './types';

/** A partner's application to join a group; the node reads them and decides them. */
export const application = {
	key: keyField,
	email: { api: 'email', kind: 'email', simple: true },
	firstName: { api: 'first_name', kind: 'text', simple: true },
	lastName: { api: 'last_name', kind: 'text', simple: true },
	businessName: { api: 'business_name', inside: 'content', kind: 'text', simple: true },
	content: { api: 'content', kind: 'jsonObject', simple: true },
	groupKey: { api: 'group_key', answeredAt: 'group.key', kind: 'text', simple: true },
	groupName: { api: 'group_name', answeredAt: 'group.name', kind: 'text', simple: true },
	groupSlug: { api: 'group_slug', answeredAt: 'group.slug', kind: 'text', simple: true },
	/** Null until decided. */
	approved: { api: 'approved', kind: 'boolean', simple: true },
	declineReason: { api: 'decline_reason', kind: 'text', simple: true },
	partnerKey: {
		api: 'partner_key',
		kind: 'text',
		simple: true,
		filters: { partnerKey: 'partner_key' },
	},
	partnershipKey: { api: 'partnership_key', kind: 'text', simple: true },
	moldKey: { api: 'mold_key', kind: 'text', simple: true },
	test: testField,
	createdAt: createdAtField(),
	updatedAt: updatedAtField(),
	/** pending, approved or declined: a list filter (the object says it through `approved`). */
	status: { api: 'status', kind: 'enum', filters: { status: 'status' } },
	group: groupFilterField,
} satisfies ObjectFields;
