import type { ObjectFields } from './types';
import { archivedField, createdAtField, keyField, updatedAtField } from './types';

/** A partner group (program): partners, deals and leads belong to one. */
export const group = {
	key: keyField,
	name: { api: 'name', kind: 'text', simple: true },
	slug: { api: 'slug', kind: 'text', simple: true },
	/** The group new partners join when none is named. */
	default: { api: 'default', kind: 'boolean', simple: true },
	archived: archivedField,
	createdAt: createdAtField(),
	updatedAt: updatedAtField({ simple: false }),
} satisfies ObjectFields;
