// The header stage: the file's first row against the object type's schema (and the group's lead form, for leads).
// Missing, unknown and duplicate headers are reported together; an empty header cell counts only over values,
// which is known once the rows are read: the stage gives its last word then (`settleHeader`).
import { SCHEMAS, type FieldSchema, type ObjectSchema } from '../schemas';
import type { ImportSettings } from '../settings';

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

/** The group's lead form: its required fields become required columns (docs/import-rules.md#leads). */
export interface LeadForm {
	required: string[];
	known: Set<string>;
}

/** What the header stage hands on. */
export interface Header {
	/** The header row as read: the report repeats it, the bulk upload sends it. */
	cells: string[];
	check: HeaderCheck;
	/** Columns whose header cell is empty: a problem only when a row has a value below one. */
	emptyColumns: number[];
	/** The lead form's warnings, then the ignored unknown columns (none when the header has errors). */
	warnings: string[];
}

export class HeaderError extends Error {
	constructor(readonly problems: string[]) {
		super(
			`The CSV header has ${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems.join('; ')}`,
		);
	}
}

/** The header stage, on the first row. With errors, the rows are still read, only to find empty headers over values. */
export function readHeader(settings: ImportSettings, cells: string[], leadForm?: LeadForm): Header {
	const check = checkHeader(SCHEMAS[settings.objectType], cells, {
		ignoreUnknownColumns: settings.ignoreUnknownColumns,
	});
	const warnings: string[] = [];
	if (leadForm) checkLeadForm(check, leadForm, warnings);
	if (!check.errors.length) warnings.push(...check.warnings);
	const emptyColumns = cells.flatMap((name, index) => (name.trim() ? [] : [index]));
	return { cells, check, emptyColumns, warnings };
}

/**
 * The header stage's last word, once the rows are read: an empty header cell over values is an unknown header,
 * in the one header error (which then names the allowed headers), or a warning when unknown columns are
 * ignored. Throws the HeaderError; else answers the header's warnings.
 */
export function settleHeader(
	settings: ImportSettings,
	header: Header,
	emptyColumnsWithValues: number[],
): string[] {
	const unnamed = [...emptyColumnsWithValues]
		.sort((a, b) => a - b)
		.map((index) => `column ${index + 1} has no header`);
	const warnings = [...header.warnings];
	const errors = [...header.check.errors];
	if (settings.ignoreUnknownColumns)
		warnings.push(...unnamed.map((problem) => `${problem}: ignored`));
	else errors.push(...unnamed);
	if (errors.length) {
		if (header.check.hasUnknown || unnamed.length)
			errors.push(allowedHeaders(SCHEMAS[settings.objectType]));
		throw new HeaderError(errors);
	}
	return warnings;
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
		// An empty header cell is an error only over a column with values: settleHeader checks that after the rows.
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

export function checkLeadForm(header: HeaderCheck, form: LeadForm, warnings: string[]) {
	const columns = new Set(header.customColumns.map((column) => column.name.toLowerCase()));
	const missing = form.required.filter((name) => !columns.has(name) && !header.columnOf.has(name));
	if (missing.length)
		header.errors.push(
			`missing required lead form header${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
		);
	for (const column of header.customColumns) {
		if (!form.known.has(column.name.toLowerCase()))
			warnings.push(`column "${column.name}" is not a field of the group's lead form`);
	}
}
