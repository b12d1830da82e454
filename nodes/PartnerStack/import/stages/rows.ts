// The rows stage: every data row against the schema's rules, then against the rows before it (duplicates).
// Each row ends here skipped, with every reason, or valid; valid rows go on to the references stage when the
// run keeps them (lookups, writes), else their report line is written at once.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { KeyRowTable } from '../keySet';
import { SCHEMAS, unwritableFields, type FieldSchema, type ObjectSchema } from '../schemas';
import { keepsRows, type ImportSettings } from '../settings';
import { Broken, checkValue } from '../values';
import { oneOfGroups, type Header, type HeaderCheck } from './header';
import { isBlank, type RowHandler } from './read';

export type Status = 'valid' | 'imported' | 'skipped' | 'failed';

/** What became of one data row, with its cells as read (the report repeats them). */
export interface Outcome {
	row: number;
	status: Status;
	reason: string;
	cells: string[];
}

/** A later stage's word on a valid row: the references stage skips or fails it, the write stage writes it. */
export type RowResult = Omit<Outcome, 'cells'>;

/** Where the rows stage hands each row's outcome: straight into the report, or kept for the later stages. */
export type Settle = (row: number, status: Status, reason: string, cells: string[]) => void;

export interface ValidRow {
	row: number;
	/** The row's cells as read (the bulk upload sends them). */
	cells: string[];
	values: RowValues;
	custom: Record<string, string>;
	/** Set by the reference check: the partner the row points at. */
	partner?: IDataObject;
}

/** What the rows stage answers once the file is read. */
export interface CheckedRows {
	/** Data rows, blank ones not counted. */
	total: number;
	blankRows: number;
	/** Columns with an empty header cell and a value in some row: the header stage says what that means. */
	emptyColumnsWithValues: number[];
	/** Unwritable columns (row by row) with a value in a row that would be written. */
	unwritableWithValues: FieldSchema[];
	/** The valid rows, when the run keeps them. */
	valid: ValidRow[];
}

export interface RowsStage {
	/** One data row from the read stage. */
	take: RowHandler;
	result(): CheckedRows;
}

const PROGRESS_EVERY_ROWS = 50_000;

/**
 * The rows stage, row by row as the read stage hands them on. Every row that is not blank ends in `settle`
 * (skipped with its reasons, or valid), except when the header has errors: the rows are then only looked at
 * for values under empty header cells.
 */
export function checkRows(
	settings: ImportSettings,
	header: Header,
	{ settle, logger }: { settle: Settle; logger: IExecuteFunctions['logger'] },
): RowsStage {
	const schema = SCHEMAS[settings.objectType];
	const keep = keepsRows(settings);
	const width = header.cells.length;
	const checkRow = header.check.errors.length
		? undefined
		: compileRowCheck(schema, header.check, { keepValues: keep });
	const claims = new IdentityClaims(schema);
	const unwritableColumns = unwritableFields(schema).flatMap((field) => {
		const index = header.check.columnOf.get(field.name) ?? -1;
		return index === -1 ? [] : [{ field, index }];
	});
	const unwritableWithValues = new Set<FieldSchema>();
	const emptyColumnsWithValues = new Set<number>();
	const valid: ValidRow[] = [];
	let total = 0;
	let blankRows = 0;

	const take: RowHandler = (row, cells, parseError) => {
		if (!parseError && isBlank(cells)) {
			blankRows += 1;
			return;
		}
		total += 1;
		if (total % PROGRESS_EVERY_ROWS === 0)
			logger.info('PartnerStack Import: rows read', {
				rows: total,
				objectType: settings.objectType,
			});
		for (const index of header.emptyColumns) {
			if ((cells[index] ?? '').trim()) emptyColumnsWithValues.add(index);
		}
		if (!checkRow) return;
		if (parseError) return settle(row, 'skipped', `not valid CSV: ${parseError}`, cells);
		let shown = cells;
		if (cells.length > width) {
			if (cells.slice(width).some((cell) => cell.trim() !== '')) {
				return settle(
					row,
					'skipped',
					`row has ${cells.length} cells, the header has ${width}`,
					cells,
				);
			}
			shown = cells.slice(0, width);
		}
		const checked = checkRow(shown);
		if (checked.reasons.length) return settle(row, 'skipped', checked.reasons.join('; '), shown);
		const first = claims.claim(checked.values, row);
		if (first !== undefined) return settle(row, 'skipped', `duplicate of row ${first}`, shown);
		for (const { field, index } of unwritableColumns)
			if ((shown[index] ?? '').trim()) unwritableWithValues.add(field);
		if (keep) valid.push({ row, cells: shown, values: checked.values, custom: checked.custom });
		settle(row, 'valid', '', shown);
	};

	return {
		take,
		result: () => ({
			total,
			blankRows,
			emptyColumnsWithValues: [...emptyColumnsWithValues],
			unwritableWithValues: [...unwritableWithValues],
			valid,
		}),
	};
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
