import { KeyRowTable } from '../keySet';
import type { FieldSchema, ObjectSchema } from '../schemas';
import { Broken, checkValue } from '../values';

export interface HeaderCheck {
	/** Header problems that stop the import before any write, each naming its header. */
	errors: string[];
	/** Problems that do not stop it (ignored unknown columns). */
	warnings: string[];
	/** For each schema field, its column index in the file (or -1). */
	columnOf: Map<string, number>;
	/** Unknown headers were found (the header error then names the allowed ones once). */
	hasUnknown: boolean;
	/** Columns that are neither schema fields nor ignored: lead form fields. */
	customColumns: Array<{ name: string; index: number }>;
}

const normalise = (header: string) => header.trim().toLowerCase();

/**
 * Missing, unknown and duplicate headers, all reported together (docs/import-rules.md#headers).
 */
export function checkHeader(
	schema: ObjectSchema,
	header: string[],
	{ ignoreUnknownColumns }: { ignoreUnknownColumns: boolean },
): HeaderCheck {
	const errors: string[] = [];
	const warnings: string[] = [];
	const known = new Map(schema.fields.map((field) => [field.name, field]));
	const columnOf = new Map<string, number>();
	const customColumns: Array<{ name: string; index: number }> = [];
	const seen = new Map<string, number>();
	let hasUnknown = false;

	header.forEach((cell, index) => {
		const name = normalise(cell);
		// An empty header cell is an error only over a column with values: the engine checks that after the rows.
		if (!name) return;
		if (seen.has(name)) {
			errors.push(
				`duplicate header "${cell.trim()}" (columns ${seen.get(name)! + 1} and ${index + 1})`,
			);
			return;
		}
		seen.set(name, index);
		if (known.has(name)) columnOf.set(name, index);
		else if (schema.extraColumnsAreCustomFields) customColumns.push({ name: cell.trim(), index });
		else if (ignoreUnknownColumns) warnings.push(`unknown column "${cell.trim()}" ignored`);
		else {
			hasUnknown = true;
			errors.push(`unknown header "${cell.trim()}"`);
		}
	});

	const missing = schema.fields
		.filter((field) => field.required && !columnOf.has(field.name))
		.map((field) => field.name);
	if (missing.length)
		errors.push(`missing required header${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
	for (const [group, members] of oneOfGroups(schema)) {
		if (!members.some((field) => columnOf.has(field.name))) {
			errors.push(
				`missing header: one of ${members.map((field) => field.name).join(' or ')} (${group})`,
			);
		}
	}
	for (const field of schema.fields) if (!columnOf.has(field.name)) columnOf.set(field.name, -1);
	return { errors, warnings, columnOf, customColumns, hasUnknown };
}

/** The problem that closes a header error with unknown headers: every header the object type takes. */
export function allowedHeaders(schema: ObjectSchema): string {
	const extra = schema.extraColumnsAreCustomFields
		? " (other columns are the group's lead form fields)"
		: '';
	return `allowed headers: ${schema.fields.map((field) => field.name).join(', ')}${extra}`;
}

const groupsOf = new WeakMap<ObjectSchema, Map<string, FieldSchema[]>>();

export function oneOfGroups(schema: ObjectSchema): Map<string, FieldSchema[]> {
	let groups = groupsOf.get(schema);
	if (!groups) {
		groups = new Map<string, FieldSchema[]>();
		for (const field of schema.fields) {
			if (field.oneOf) groups.set(field.oneOf, [...(groups.get(field.oneOf) ?? []), field]);
		}
		groupsOf.set(schema, groups);
	}
	return groups;
}

export type RowValues = Record<string, string | number | boolean | string[]>;

export interface RowCheck {
	reasons: string[];
	values: RowValues;
	custom: Record<string, string>;
}

const NO_REASONS: string[] = [];
const NO_CUSTOM: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * Every field rule of one row, in column order; the reasons name each broken rule and its column(s).
 * The schema is resolved against the header once, so a row costs one pass over its fields.
 */
export function compileRowCheck(
	schema: ObjectSchema,
	header: HeaderCheck,
	{ keepValues = true }: { keepValues?: boolean } = {},
): (cells: string[]) => RowCheck {
	const indexOf = (name: string) => header.columnOf.get(name) ?? -1;
	// A dry run keeps only the identity values (for duplicates): a million rows build no other value objects.
	const fields = schema.fields.map((field) => ({
		field,
		index: indexOf(field.name),
		keep: keepValues || schema.identity.includes(field.name),
	}));
	const groups = [...oneOfGroups(schema).values()].map((members) => ({
		indexes: members.map((field) => indexOf(field.name)),
		at: Math.min(
			...members.map((field) => (indexOf(field.name) === -1 ? Infinity : indexOf(field.name))),
		),
		names: members.map((field) => field.name).join(' or '),
	}));
	const conditionals = (schema.conditionals ?? []).map((rule) => ({
		...rule,
		whenIndex: indexOf(rule.when),
		thenIndex: indexOf(rule.then),
	}));
	const textAt = (cells: string[], index: number) =>
		index === -1 ? '' : (cells[index] ?? '').trim();

	// A dry run reuses one answer for every row (its caller reads it before the next row): no objects per row.
	const reused: RowCheck | undefined = keepValues
		? undefined
		: { reasons: NO_REASONS, values: {}, custom: NO_CUSTOM };
	const reusedNames = fields.filter(({ keep }) => keep).map(({ field }) => field.name);
	return (cells) => {
		// Allocated only for a row that breaks a rule: most rows of a real file do not.
		let reasons: Array<{ at: number; reason: string }> | undefined;
		const values: RowValues = reused ? reused.values : {};
		// An empty identity counts as none (IdentityClaims): reset, not deleted, to keep the object's shape.
		if (reused) for (const name of reusedNames) values[name] = '';
		for (let position = 0; position < fields.length; position++) {
			const { field, index, keep } = fields[position];
			const text = index === -1 ? '' : (cells[index] ?? '').trim();
			if (text === '') {
				if (field.required)
					(reasons ??= []).push({ at: index, reason: `${field.name} is required` });
				else if (keep && field.default !== undefined) values[field.name] = field.default;
				continue;
			}
			const checked = checkValue(field, text);
			if (checked instanceof Broken) (reasons ??= []).push({ at: index, reason: checked.reason });
			else if (keep) values[field.name] = checked;
		}
		for (const group of groups) {
			let given = 0;
			for (const index of group.indexes) if (textAt(cells, index)) given++;
			if (given === 0)
				(reasons ??= []).push({ at: group.at, reason: `one of ${group.names} is required` });
			if (given > 1)
				(reasons ??= []).push({ at: group.at, reason: `only one of ${group.names} may be given` });
		}
		for (const rule of conditionals) {
			const hasWhen = textAt(cells, rule.whenIndex) !== '';
			const hasThen = textAt(cells, rule.thenIndex) !== '';
			if (hasWhen && !hasThen)
				(reasons ??= []).push({
					at: rule.whenIndex,
					reason: `${rule.then} is required when ${rule.when} is given`,
				});
			if (rule.both && hasThen && !hasWhen) {
				(reasons ??= []).push({
					at: rule.whenIndex,
					reason: `${rule.when} is required when ${rule.then} is given`,
				});
			}
		}
		let custom = NO_CUSTOM;
		for (const { name, index } of header.customColumns) {
			const text = textAt(cells, index);
			if (text) {
				if (custom === NO_CUSTOM) custom = {};
				custom[name] = text;
			}
		}
		if (!reasons) {
			if (!reused) return { reasons: NO_REASONS, values, custom };
			reused.reasons = NO_REASONS;
			reused.custom = custom;
			return reused;
		}
		reasons.sort((a, b) => a.at - b.at);
		return { reasons: reasons.map((entry) => entry.reason), values, custom };
	};
}

/**
 * Remembers which row first claimed each identity (docs/import-rules.md#within-one-file): partners by
 * partner_key else email, customers by customer_key, transactions by key, deals by external_key, leads by
 * email. Emails compare case-insensitively, keys exactly. One table per identity column.
 */
export class IdentityClaims {
	private readonly claims: Array<{ name: string; email: boolean; rows: KeyRowTable }>;

	constructor(schema: ObjectSchema) {
		this.claims = schema.identity.map((name) => ({
			name,
			email: EMAIL_IDENTITIES.has(name),
			rows: new KeyRowTable(),
		}));
	}

	/** The row that already claimed this row's identity, or undefined after claiming it for `row`. */
	claim(values: RowValues, row: number): number | undefined {
		for (const { name, email, rows } of this.claims) {
			const value = values[name];
			if (value === undefined || value === '') continue;
			const identity = email ? String(value).toLowerCase() : String(value);
			return rows.claim(identity, row);
		}
		return undefined;
	}
}

const EMAIL_IDENTITIES = new Set(['partner_email', 'email']);
