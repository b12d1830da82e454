/**
 * The PartnerStack objects the nodes read and write, each field named once (see types.ts), and the lookups every
 * mapping derives from them: node parameters → body fields, Get Many filters → query parameters, Simplify's
 * fields, and the body paths the import writes.
 */
import { action } from './action';
import { application } from './application';
import { customer } from './customer';
import { deal } from './deal';
import { group } from './group';
import { lead } from './lead';
import { partnership } from './partnership';
import { reward } from './reward';
import { tier } from './tier';
import { transaction } from './transaction';
import type { FieldKind, ModelField, ObjectFields } from './types';

export type { FieldKind, ModelField, ObjectFields } from './types';
export { TAG_CHANGES } from './partnership';

export const MODEL = {
	action,
	application,
	customer,
	deal,
	group,
	lead,
	partnership,
	reward,
	tier,
	transaction,
} satisfies Record<string, ObjectFields>;

export type ObjectName = keyof typeof MODEL;

export const OBJECT_NAMES = Object.keys(MODEL) as ObjectName[];

/** The object's fields, or none for a resource that is not a PartnerStack object (the export). */
export function fieldsOf(object: string): ModelField[] {
	return Object.values((MODEL as Record<string, ObjectFields>)[object] ?? {});
}

/** Where a field goes in a body: `meta.first_name` for a field inside `meta`. */
export function bodyPathOf(field: ModelField): string {
	return field.inside ? `${field.inside}.${field.api}` : field.api;
}

/** Where the object answers a field. */
export function answerPathOf(field: ModelField): string {
	return field.answeredAt ?? bodyPathOf(field);
}

/** The body path of one model field, named by its object and its name in the model (the import's `v2` paths). */
export function apiPath<O extends ObjectName>(object: O, field: keyof (typeof MODEL)[O]): string {
	return bodyPathOf((MODEL[object] as ObjectFields)[field as string]);
}

/**
 * The flat API name of one model field (`target_key`, `decline_reason`), for code that assembles a body or reads
 * an answer itself: the name comes from the model, the value from the operation.
 */
export function apiName<O extends ObjectName>(object: O, field: keyof (typeof MODEL)[O]): string {
	return (MODEL[object] as ObjectFields)[field as string].api;
}

type Answer = Record<string, unknown> | undefined;

/** The value at a dotted path of an answer or a body (`partnership.partner_key`), undefined when absent. */
export function valueAt(object: Answer, path: string): unknown {
	return path.split('.').reduce<unknown>((value, part) => (value as Answer)?.[part], object);
}

/** Sets a dotted path of a body (`target.key`), creating the objects on the way. */
export function setAt(body: Record<string, unknown>, path: string, value: unknown): void {
	const parts = path.split('.');
	let at = body;
	for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
	at[parts[parts.length - 1]] = value;
}

/** What an object answered for one model field, read where the object answers it (`answerPathOf`). */
export function answered<O extends ObjectName>(
	item: Answer,
	object: O,
	field: keyof (typeof MODEL)[O],
): unknown {
	return valueAt(item, answerPathOf((MODEL[object] as ObjectFields)[field as string]));
}

/**
 * Node parameter → body field, across every object. A parameter name means the same field wherever it appears
 * (`partnerKey` is `partner_key` on customers, deals, leads and partnerships), which lets one conversion serve
 * every operation; a model that gave one name two meanings fails here, when the node loads. Fields inside another
 * (a lead's `meta.first_name`) are left out: their operation assembles the parent (`leadMeta`).
 */
function bodyFieldsByParam(): Record<string, { api: string; kind: FieldKind }> {
	const byParam: Record<string, { api: string; kind: FieldKind; object: string }> = {};
	for (const object of OBJECT_NAMES) {
		for (const field of fieldsOf(object)) {
			if (!field.param || field.inside) continue;
			const known = byParam[field.param];
			if (known && (known.api !== field.api || known.kind !== field.kind)) {
				throw new Error(
					`Parameter "${field.param}" is ${known.object}.${known.api} (${known.kind}) and ${object}.${field.api} (${field.kind})`,
				);
			}
			byParam[field.param] ??= { api: field.api, kind: field.kind, object };
		}
	}
	return Object.fromEntries(
		Object.entries(byParam).map(([param, { api, kind }]) => [param, { api, kind }]),
	);
}

export const BODY_FIELDS = bodyFieldsByParam();

/** One Get Many filter: its query parameter, and whether it is a date-time (sent as epoch ms). */
export interface FilterMapping {
	query: string;
	epochMs: boolean;
}

/** An object's Get Many filters: filter parameter → query parameter. */
export function filtersOf(object: string): Record<string, FilterMapping> {
	const filters: Record<string, FilterMapping> = {};
	for (const field of fieldsOf(object)) {
		for (const [name, query] of Object.entries(field.filters ?? {})) {
			filters[name] = { query, epochMs: field.kind === 'epochMs' };
		}
	}
	return filters;
}

/** Simplify's fields of an object, in order: [output name, where the object answers it]. */
export function simpleFieldsOf(object: string): Array<[string, string]> {
	return fieldsOf(object)
		.filter((field) => field.simple)
		.map((field) => [field.api, answerPathOf(field)]);
}

/** The kind of each field Simplify outputs, by output name (the editor's output schemas type them by it). */
export function simpleKindsOf(object: string): Record<string, FieldKind> {
	return Object.fromEntries(
		fieldsOf(object)
			.filter((field) => field.simple)
			.map((field) => [field.api, field.kind]),
	);
}
