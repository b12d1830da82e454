import type { FieldSchema, ObjectSchema } from './schemas';
import { checkValue } from './values';

export interface HeaderCheck {
	/** Header problems that stop the import before any write, each naming its header. */
	errors: string[];
	/** Problems that do not stop it (ignored unknown columns). */
	warnings: string[];
	/** For each schema field, its column index in the file (or -1). */
	columnOf: Map<string, number>;
	/** Columns that are neither schema fields nor ignored: lead form fields. */
	customColumns: Array<{ name: string; index: number }>;
}

const normalise = (header: string) => header.trim().toLowerCase();

/**
 * Missing, unknown and duplicate headers, all reported together (importer-rules.md "Headers").
 * `emptyColumns` tells which columns have no value in any row (an empty header over them is harmless).
 */
export function checkHeader(
	schema: ObjectSchema,
	header: string[],
	{ ignoreUnknownColumns, columnHasValues }: { ignoreUnknownColumns: boolean; columnHasValues: (index: number) => boolean },
): HeaderCheck {
	const errors: string[] = [];
	const warnings: string[] = [];
	const known = new Map(schema.fields.map((field) => [field.name, field]));
	const columnOf = new Map<string, number>();
	const customColumns: Array<{ name: string; index: number }> = [];
	const seen = new Map<string, number>();

	header.forEach((cell, index) => {
		const name = normalise(cell);
		if (!name) {
			if (columnHasValues(index)) errors.push(`column ${index + 1} has no header`);
			return;
		}
		if (seen.has(name)) {
			errors.push(`duplicate header "${cell.trim()}" (columns ${seen.get(name)! + 1} and ${index + 1})`);
			return;
		}
		seen.set(name, index);
		if (known.has(name)) columnOf.set(name, index);
		else if (schema.extraColumnsAreCustomFields) customColumns.push({ name: cell.trim(), index });
		else if (ignoreUnknownColumns) warnings.push(`unknown column "${cell.trim()}" ignored`);
		else errors.push(`unknown header "${cell.trim()}" (allowed: ${schema.fields.map((f) => f.name).join(', ')})`);
	});

	const missing = schema.fields.filter((field) => field.required && !columnOf.has(field.name)).map((field) => field.name);
	if (missing.length) errors.push(`missing required header${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
	for (const [group, members] of oneOfGroups(schema)) {
		if (!members.some((field) => columnOf.has(field.name))) {
			errors.push(`missing header: one of ${members.map((field) => field.name).join(' or ')} (${group})`);
		}
	}
	for (const field of schema.fields) if (!columnOf.has(field.name)) columnOf.set(field.name, -1);
	return { errors, warnings, columnOf, customColumns };
}

export function oneOfGroups(schema: ObjectSchema): Map<string, FieldSchema[]> {
	const groups = new Map<string, FieldSchema[]>();
	for (const field of schema.fields) {
		if (field.oneOf) groups.set(field.oneOf, [...(groups.get(field.oneOf) ?? []), field]);
	}
	return groups;
}

export type RowValues = Record<string, string | number | boolean | string[]>;

export interface RowCheck {
	reasons: string[];
	values: RowValues;
	custom: Record<string, string>;
}

/** Every field rule of one row, in column order; the reasons name each broken rule and its column(s). */
export function checkRow(schema: ObjectSchema, header: HeaderCheck, cells: string[]): RowCheck {
	const reasons: Array<{ at: number; reason: string }> = [];
	const values: RowValues = {};
	const cell = (name: string) => {
		const index = header.columnOf.get(name) ?? -1;
		return index === -1 ? '' : (cells[index] ?? '').trim();
	};

	for (const field of schema.fields) {
		const text = cell(field.name);
		const at = header.columnOf.get(field.name) ?? -1;
		if (!text) {
			if (field.required) reasons.push({ at, reason: `${field.name} is required` });
			else if (field.default !== undefined) values[field.name] = field.default;
			continue;
		}
		const checked = checkValue(field, text);
		if (checked.ok) values[field.name] = checked.value;
		else reasons.push({ at, reason: checked.reason });
	}

	for (const [, members] of oneOfGroups(schema)) {
		const given = members.filter((field) => cell(field.name));
		const at = Math.min(...members.map((field) => header.columnOf.get(field.name) ?? Infinity));
		const names = members.map((field) => field.name).join(' or ');
		if (given.length === 0) reasons.push({ at, reason: `one of ${names} is required` });
		if (given.length > 1) reasons.push({ at, reason: `only one of ${names} may be given` });
	}
	for (const rule of schema.conditionals ?? []) {
		const at = header.columnOf.get(rule.when) ?? -1;
		if (cell(rule.when) && !cell(rule.then)) reasons.push({ at, reason: `${rule.then} is required when ${rule.when} is given` });
		if (rule.both && cell(rule.then) && !cell(rule.when)) {
			reasons.push({ at, reason: `${rule.when} is required when ${rule.then} is given` });
		}
	}

	const custom: Record<string, string> = {};
	for (const { name, index } of header.customColumns) {
		const text = (cells[index] ?? '').trim();
		if (text) custom[name] = text;
	}
	reasons.sort((a, b) => a.at - b.at);
	return { reasons: reasons.map((entry) => entry.reason), values, custom };
}

/** The identity a row claims within the file (importer-rules.md "Within one file"), or undefined. */
export function identityOf(schema: ObjectSchema, values: RowValues): string | undefined {
	for (const name of schema.identity) {
		const value = values[name];
		if (value === undefined || value === '') continue;
		const field = schema.fields.find((f) => f.name === name)!;
		return `${name}:${field.kind === 'email' ? String(value).toLowerCase() : String(value)}`;
	}
	return undefined;
}
