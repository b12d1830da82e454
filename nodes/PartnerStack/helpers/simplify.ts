import type { IDataObject } from 'n8n-workflow';

import { OBJECT_NAMES, simpleFieldsOf, simpleKindsOf, valueAt } from '../model';

/**
 * The fields people read, per resource: [output name, path in PartnerStack's object], from the object model (the
 * fields marked `simple`). Each resource keeps at least every field Workato's connector shows for that object. The
 * editor's output schemas are generated from this table and SIMPLE_FIELD_KINDS (scripts/output-schemas.js), so
 * what the editor previews is what Simplify returns.
 */
export const SIMPLE_FIELDS: Record<string, Array<[string, string]>> = Object.fromEntries(
	OBJECT_NAMES.map((object) => [object, simpleFieldsOf(object)]),
);

/** The model's kind of each Simplify field, per resource: the output schemas type the fields by it. */
export const SIMPLE_FIELD_KINDS = Object.fromEntries(
	OBJECT_NAMES.map((object) => [object, simpleKindsOf(object)]),
);

/**
 * Operations whose output is not (only) the resource's object: the fields they return, in order. `<resource>.<operation>`
 * names one operation; `delete` is every delete (plus the archived record's simplified fields when the API returns it).
 */
export const OPERATION_FIELDS: Record<string, string[]> = {
	delete: ['key', 'deleted', 'message'],
	'deal.listAttachments': ['deal_key', 'key', 'name', 'field_key'],
	'deal.getAttachment': ['deal_key', 'file_key', 'file_name', 'field_key', 'mime_type', 'size'],
	'export.create': ['key', 'member_email', 'export_types', 'skipped_types', 'status', 'message'],
};

/** Operations that answer another resource's object (convert answers the new customer). */
export const OPERATION_OUTPUT_RESOURCE: Record<string, string> = { convert: 'customer' };

export function simplify(resource: string, object: IDataObject): IDataObject {
	const fields = SIMPLE_FIELDS[resource];
	if (!fields) return object;
	const simple: IDataObject = {};
	for (const [name, path] of fields) {
		const value = valueAt(object, path);
		if (value !== undefined) simple[name] = value as IDataObject[keyof IDataObject];
	}
	return simple;
}

/** Keeps the fields OPERATION_FIELDS lists for an operation, in that order. */
export function pickFields(operation: string, object: IDataObject): IDataObject {
	const picked: IDataObject = {};
	for (const name of OPERATION_FIELDS[operation]) {
		if (object[name] !== undefined) picked[name] = object[name];
	}
	return picked;
}
