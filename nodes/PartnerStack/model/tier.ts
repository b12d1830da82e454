import type { ObjectFields } from './types';
import { createdAtField, keyField, updatedAtField } from './types';

/** A partner tier (Gold, Silver…): a partnership names one with `tier_key`. */
export const tier = {
	key: keyField,
	name: { api: 'name', kind: 'text', simple: true },
	createdAt: createdAtField(),
	updatedAt: updatedAtField(),
} satisfies ObjectFields;
