// The write stage: the rows that passed every check go to PartnerStack in the run's mode. Validate writes
// nothing; Row by Row sends each row through API v2 (the writer of its object type, ../writers.ts); Bulk uploads
// them as one CSV to the Data Import API. Every row handed in comes out imported or failed, with its reason.
import type { IExecuteFunctions } from 'n8n-workflow';

import { mapWithConcurrency, type RequestPacer } from '../../transport/concurrency';
import { partnerStackUpload } from '../../transport/upload';
import { SCHEMAS, type FieldSchema } from '../schemas';
import { writesRowByRow, type ImportSettings } from '../settings';
import { INVITE_FLAG_FIELD } from '../requestBodies';
import { derivedTransactionKeys, prefetchExisting } from '../existing';
import { WRITERS, type WriteContext } from '../writers';
import type { Header } from './header';
import type { RowResult, ValidRow } from './rows';

/** Row by row would lose validated cells: stopped before any request. */
export class UnwritableColumnsError extends Error {}

/**
 * Columns that pass validation but that API v2 cannot carry, among the columns with values in rows that would
 * be written. Row by row: `stop` before any request (the error names each column and points to bulk) or
 * `skip` (a warning per column). A dry run warns, so the user learns it before choosing a mode. Checked once
 * the rows are read, before the references: answers the warnings.
 */
export function checkUnwritableColumns(
	settings: ImportSettings,
	withValues: FieldSchema[],
): string[] {
	const schema = SCHEMAS[settings.objectType];
	const unwritable = schema.fields.filter((field) => withValues.includes(field));
	if (!unwritable.length) return [];
	const named = unwritable.map((field) => `${field.name} (${field.unwritable})`);
	if (settings.mode === 'validate') {
		return schema.bulkType
			? [`Row by Row cannot write these columns, Bulk can: ${named.join(', ')}`]
			: [];
	}
	if (!writesRowByRow(settings)) return [];
	if (settings.unwritableColumns === 'skip') {
		return named.map((column) => `column ${column} not written: Unwritable Columns is set to skip`);
	}
	throw new UnwritableColumnsError(
		`Row by Row cannot write ${unwritable.length === 1 ? 'this column' : `these ${unwritable.length} columns`}, which ${unwritable.length === 1 ? 'has' : 'have'} values: ${named.join(', ')}. ` +
			`Nothing was written. Use the mode Bulk (the Data Import API takes every column), or set the option Unwritable Columns to Skip to import the other columns.`,
	);
}

/** The write stage: each row's result, and the warning of a bulk run that had to write row by row. */
export async function writeRows(
	node: IExecuteFunctions,
	settings: ImportSettings,
	{ header, rows, pacer }: { header: Header; rows: ValidRow[]; pacer: RequestPacer },
): Promise<{ settled: RowResult[]; warnings: string[] }> {
	if (settings.mode === 'validate') return { settled: [], warnings: [] };
	const schema = SCHEMAS[settings.objectType];
	const viaBulk = settings.mode === 'bulk' && schema.bulkType !== undefined;
	const warnings =
		settings.mode === 'bulk' && !viaBulk
			? [`${schema.label} have no bulk endpoint: imported row by row through API v2`]
			: [];
	const transactionKeys =
		settings.objectType === 'transactions'
			? derivedTransactionKeys(rows)
			: new Map<number, string>();
	const settled = viaBulk
		? await uploadBulk(node, settings, header.cells, rows, transactionKeys, pacer)
		: await writeRowByRow(node, settings, rows, transactionKeys, pacer);
	return { settled, warnings };
}

async function writeRowByRow(
	node: IExecuteFunctions,
	settings: ImportSettings,
	rows: ValidRow[],
	transactionKeys: Map<number, string>,
	pacer: RequestPacer,
): Promise<RowResult[]> {
	if (!rows.length) return [];
	const existing = await prefetchExisting(node, settings.objectType, pacer).catch(
		(error: Error) => error,
	);
	if (existing instanceof Error) {
		// Without knowing what exists, writing could duplicate: every row fails, with the reason.
		return rows.map(({ row }) => ({
			row,
			status: 'failed',
			reason: `reading existing ${settings.objectType} failed: ${existing.message}`,
		}));
	}
	const context: WriteContext = {
		node,
		schema: SCHEMAS[settings.objectType],
		pacer,
		groupKey: settings.groupKey,
		sendInviteEmails: settings.sendInviteEmails,
		existing,
	};
	let done = 0;
	return await mapWithConcurrency(rows, settings.concurrency, async (row): Promise<RowResult> => {
		let result: RowResult;
		try {
			const written = await WRITERS[settings.objectType](context, row, {
				transactionKey: transactionKeys.get(row.row),
			});
			result = { row: row.row, status: written.status, reason: written.reason };
		} catch (error) {
			result = { row: row.row, status: 'failed', reason: (error as Error).message };
		}
		if (++done % 1000 === 0)
			node.logger.info('PartnerStack Import: rows written', { rows: done, of: rows.length });
		return result;
	});
}

/** The valid rows (never the invalid ones) as one CSV upload to the Data Import API. */
async function uploadBulk(
	node: IExecuteFunctions,
	settings: ImportSettings,
	headerCells: string[],
	rows: ValidRow[],
	transactionKeys: Map<number, string>,
	pacer: RequestPacer,
): Promise<RowResult[]> {
	if (!rows.length) return [];
	const schema = SCHEMAS[settings.objectType];
	const header = headerCells.map((cell) => cell.trim());
	const keyColumn = header.findIndex((cell) => cell.toLowerCase() === 'key');
	const withKeys = settings.objectType === 'transactions' && transactionKeys.size > 0;
	const lines = [dataCsvLine(withKeys && keyColumn === -1 ? [...header, 'key'] : header)];
	for (const row of rows) {
		const cells = row.cells.map((cell) => cell.trim());
		const derived = transactionKeys.get(row.row);
		if (withKeys && derived) {
			if (keyColumn === -1) cells.push(derived);
			else cells[keyColumn] = derived;
		}
		lines.push(dataCsvLine(cells));
	}
	const fields: Record<string, string> = {};
	if (settings.objectType === 'partners')
		fields[INVITE_FLAG_FIELD] = String(settings.sendInviteEmails);
	if (settings.groupKey) fields.group_key = settings.groupKey;
	try {
		const answer = await partnerStackUpload.call(
			node,
			`/v1/import/${schema.bulkType}`,
			{
				fields,
				file: {
					name: `${settings.objectType}.csv`,
					contentType: 'text/csv',
					content: `${lines.join('\r\n')}\r\n`,
				},
			},
			{ pacer, idempotent: true },
		);
		const message = String(answer.message ?? 'uploaded');
		return rows.map(({ row }) => ({
			row,
			status: 'imported',
			reason: `uploaded to the Data Import API: ${message}`,
		}));
	} catch (error) {
		return rows.map(({ row }) => ({ row, status: 'failed', reason: (error as Error).message }));
	}
}

/** Cells the Data Import API would split or misread unless quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A CSV line of data for PartnerStack (the bulk upload): quoted where needed, never guarded like the report's
 * cells: a refund's `-250` or a phone number's `+1 555` must reach the Data Import API as they are.
 */
export function dataCsvLine(cells: string[]): string {
	return cells
		.map((cell) => (NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
		.join(',');
}
