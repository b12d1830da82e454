import type { ObjectFields } from './types';
import { archivedField, createdAtField, groupFilterField, keyField, updatedAtField } from './types';

/** An action a partner or customer performed (`POST /actions`): it counts towards action-based rewards. */
export const action = {
	key: keyField,
	type: {
		api: 'type',
		param: 'type',
		kind: 'text',
		simple: true,
		// The list names the action's type differently from the object.
		filters: { actionType: 'action_type' },
	},
	value: { api: 'value', param: 'value', kind: 'integer', simple: true },
	targetType: { api: 'target_type', param: 'targetType', kind: 'enum', simple: true },
	targetKey: { api: 'target_key', param: 'targetKey', kind: 'text', simple: true },
	partnerKey: {
		api: 'partner_key',
		kind: 'text',
		simple: true,
		filters: { partnerKey: 'partner_key' },
	},
	externalKey: { api: 'external_key', param: 'externalKey', kind: 'text', simple: true },
	archived: archivedField,
	createdAt: createdAtField(),
	updatedAt: updatedAtField({ simple: false }),
	partnershipKey: {
		api: 'partnership_key',
		kind: 'text',
		filters: { partnershipKey: 'partnership_key' },
	},
	group: groupFilterField,
} satisfies ObjectFields;
