/**
 * What the node knows about one field of a PartnerStack object. The body mapping, the Get Many filters, Simplify,
 * the editor's output schemas and the import's API v2 paths all read these definitions, so a field is named once.
 */

/** How a value travels: what the node converts on the way in, and what type the editor is told to expect. */
export type FieldKind =
	| 'text'
	| 'email'
	| 'enum'
	/** Integer cents, as PartnerStack stores every amount (the node converts dollars when asked). */
	| 'cents'
	/** Date-times are integer epoch milliseconds in PartnerStack, in bodies and in query parameters alike. */
	| 'epochMs'
	/** A calendar date, `YYYY-MM-DD` (the deal's close date). */
	| 'date'
	/** A list of strings; the node also takes a comma-separated string. */
	| 'list'
	/** A JSON object (`meta`, `metadata`, an application's `content`); the node also takes it as JSON text. */
	| 'jsonObject'
	/** A JSON array of objects (custom `fields`); the node also takes it as JSON text. */
	| 'jsonList'
	| 'boolean'
	| 'integer';

export interface ModelField {
	/**
	 * PartnerStack's flat name for the field: the body field the node writes, and the name Simplify outputs. A field
	 * that is only read (the partnership's `group_name`) is named the way Simplify outputs it.
	 */
	api: string;
	/** The object field it lives inside, in bodies and answers alike (a lead's `first_name` is in `meta`). */
	inside?: string;
	/** Where the object answers it when that is elsewhere (a partnership is written `group_key`, read `group.key`). */
	answeredAt?: string;
	/** The node parameter that fills it, when the node writes it. */
	param?: string;
	kind: FieldKind;
	/** PartnerStack's documented limit, where one is known. */
	maxLength?: number;
	/** Simplify keeps it: the output has it under `api`, in the order the object lists its fields. */
	simple?: boolean;
	/** Get Many filters on this field: filter parameter → query parameter (`minCreated` → `min_created`). */
	filters?: Record<string, string>;
}

export type ObjectFields = Record<string, ModelField>;

/** A limit PartnerStack documents for most of its string fields (keys, emails, stages). */
export const API_STRING = 255;

/** Every PartnerStack object has a key (its PartnerStack identifier). */
export const keyField: ModelField = { api: 'key', kind: 'text', simple: true };

/** Creation and update times, each filterable by a lower and an upper bound (epoch ms, like the field). */
export function createdAtField(extra: Partial<ModelField> = {}): ModelField {
	return {
		api: 'created_at',
		kind: 'epochMs',
		simple: true,
		filters: { minCreated: 'min_created', maxCreated: 'max_created' },
		...extra,
	};
}

export function updatedAtField(extra: Partial<ModelField> = {}): ModelField {
	return {
		api: 'updated_at',
		kind: 'epochMs',
		simple: true,
		filters: { minUpdated: 'min_updated', maxUpdated: 'max_updated' },
		...extra,
	};
}

/**
 * Lists filter by group with `group`: the group's name with spaces and signs removed. No object answers a field of
 * that name, so this one is a filter only.
 */
export const groupFilterField: ModelField = {
	api: 'group',
	kind: 'text',
	filters: { group: 'group' },
};

export const archivedField: ModelField = { api: 'archived', kind: 'boolean', simple: true };

/** Objects created with the test keys (or under a test partner) say so. */
export const testField: ModelField = { api: 'test', kind: 'boolean', simple: true };
