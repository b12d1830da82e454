import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { mapWithConcurrency, type RequestPacer } from '../transport/concurrency';
import { pacerFor, partnerStackRequest } from '../transport';
import type { Delimiter } from './stages/read';
import { CsvStream, isBlank } from './stages/read';
import { checkLeadForm, checkReferences, leadFormFields } from './stages/references';
import { dataCsvLine, ReportWriter } from './stages/report';
import { SCHEMAS, unwritableFields, type FieldSchema, type ImportObjectType } from './schemas';
import {
	allowedHeaders,
	checkHeader,
	compileRowCheck,
	IdentityClaims,
	type HeaderCheck,
	type RowCheck,
} from './stages/rows';
import {
	derivedTransactionKeys,
	INVITE_FLAG_FIELD,
	prefetchExisting,
	WRITERS,
	type ValidRow,
	type WriteContext,
} from './writers';

export type ImportMode = 'validate' | 'rowByRow' | 'bulk';
export type UnwritableColumns = 'stop' | 'skip';

export interface ImportSettings {
	objectType: ImportObjectType;
	mode: ImportMode;
	delimiter: Delimiter;
	ignoreUnknownColumns: boolean;
	sendInviteEmails: boolean;
	checkReferences: boolean;
	/** Row by row: a column with values and no API v2 field stops the import before any write, or is skipped. */
	unwritableColumns: UnwritableColumns;
	groupKey?: string;
	concurrency: number;
	requestsPerMinute: number;
	/** The file's size when known: the report reserves its memory once instead of joining chunks. */
	inputBytes?: number;
}

export class HeaderError extends Error {
	constructor(readonly problems: string[]) {
		super(
			`The CSV header has ${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems.join('; ')}`,
		);
	}
}

/** Row by row would lose validated cells: stopped before any request. */
export class UnwritableColumnsError extends Error {}

export { ReferenceCheckError } from './stages/references';

export type Status = 'valid' | 'imported' | 'skipped' | 'failed';
interface Outcome {
	row: number;
	status: Status;
	reason: string;
	cells: string[];
}

export interface ImportSummary extends IDataObject {
	objectType: ImportObjectType;
	mode: ImportMode;
	total: number;
	imported: number;
	skipped: number;
	failed: number;
	blankRows: number;
	warnings: string[];
	startedAt: string;
	finishedAt: string;
}

const PROGRESS_EVERY_ROWS = 50_000;

/**
 * Runs one import: header check, every row against the schema, duplicates within the file, then (where the
 * mode writes or the user asks) references against PartnerStack, then the writes. Every data row ends in
 * exactly one state, with its reason.
 */
export async function runImport(
	node: IExecuteFunctions,
	chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
	settings: ImportSettings,
): Promise<{ summary: ImportSummary; report: Buffer }> {
	const startedAt = new Date().toISOString();
	const schema = SCHEMAS[settings.objectType];
	const writes = settings.mode !== 'validate';
	const keepRows = writes || settings.checkReferences;
	const warnings: string[] = [];
	const leadForm =
		settings.objectType === 'leads' && keepRows ? await leadFormFields(node, settings) : undefined;

	let header: HeaderCheck | undefined;
	let checkRow: (cells: string[]) => RowCheck = () => {
		throw new Error('no header');
	};
	let headerCells: string[] = [];
	let report: ReportWriter | undefined;
	let emptyHeaderColumns: number[] = [];
	const emptyHeaderColumnsWithValues = new Set<number>();
	/** Unwritable columns (row by row) and whether a row that would be written has a value in them. */
	let unwritableColumns: Array<{ field: FieldSchema; index: number }> = [];
	const unwritableWithValues = new Set<FieldSchema>();
	const claims = new IdentityClaims(schema);
	const outcomes: Outcome[] = [];
	const valid: ValidRow[] = [];
	let blankRows = 0;
	let total = 0;
	const counts = { valid: 0, imported: 0, skipped: 0, failed: 0 };

	const settle = (outcome: Outcome) => {
		if (keepRows) outcomes.push(outcome);
		else record(outcome.row, outcome.status, outcome.reason, outcome.cells);
	};
	/** A dry run without lookups writes each row's line at once: nothing per row is kept. */
	const record = (row: number, status: Status, reason: string, cells: string[]) => {
		counts[status] += 1;
		report!.addRow(row, status, reason, cells);
	};

	const handle = (row: number, cells: string[], parseError?: string) => {
		if (!header) {
			headerCells = cells;
			header = checkHeader(schema, cells, { ignoreUnknownColumns: settings.ignoreUnknownColumns });
			if (leadForm) checkLeadForm(header, leadForm, warnings);
			emptyHeaderColumns = headerCells.flatMap((name, index) => (name.trim() ? [] : [index]));
			// With header errors the rows are only read to find empty header cells over values: one error names all.
			if (header.errors.length) return;
			warnings.push(...header.warnings);
			// Rows kept for lookups and writes are reported once their outcome is known, at the end.
			if (!keepRows) report = new ReportWriter(headerCells, settings.inputBytes);
			checkRow = compileRowCheck(schema, header, { keepValues: keepRows });
			unwritableColumns = unwritableFields(schema).flatMap((field) => {
				const index = header!.columnOf.get(field.name) ?? -1;
				return index === -1 ? [] : [{ field, index }];
			});
			return;
		}
		if (!parseError && isBlank(cells)) {
			blankRows += 1;
			return;
		}
		total += 1;
		if (total % PROGRESS_EVERY_ROWS === 0)
			node.logger.info('PartnerStack Import: rows read', {
				rows: total,
				objectType: settings.objectType,
			});
		for (const index of emptyHeaderColumns) {
			if ((cells[index] ?? '').trim()) emptyHeaderColumnsWithValues.add(index);
		}
		if (header.errors.length) return;
		if (parseError)
			return settle({ row, status: 'skipped', reason: `not valid CSV: ${parseError}`, cells });
		let shown = cells;
		if (cells.length > headerCells.length) {
			if (cells.slice(headerCells.length).some((cell) => cell.trim() !== '')) {
				return settle({
					row,
					status: 'skipped',
					reason: `row has ${cells.length} cells, the header has ${headerCells.length}`,
					cells,
				});
			}
			shown = cells.slice(0, headerCells.length);
		}
		const checked = checkRow(shown);
		if (checked.reasons.length)
			return settle({ row, status: 'skipped', reason: checked.reasons.join('; '), cells: shown });
		const first = claims.claim(checked.values, row);
		if (first !== undefined)
			return settle({ row, status: 'skipped', reason: `duplicate of row ${first}`, cells: shown });
		for (const { field, index } of unwritableColumns)
			if ((shown[index] ?? '').trim()) unwritableWithValues.add(field);
		if (keepRows) {
			valid.push({ row, cells: shown, values: checked.values, custom: checked.custom });
			outcomes.push({ row, status: 'valid', reason: '', cells: shown });
		} else record(row, 'valid', '', shown);
	};

	const csv = new CsvStream(settings.delimiter, handle);
	for await (const chunk of chunks) csv.write(chunk);
	csv.end();
	if (!header) throw new HeaderError(['the file has no header row']);
	// An empty header cell over values is an unknown header: in the one header error, or a warning when ignored.
	const unnamed = [...emptyHeaderColumnsWithValues]
		.sort((a, b) => a - b)
		.map((index) => `column ${index + 1} has no header`);
	if (settings.ignoreUnknownColumns)
		warnings.push(...unnamed.map((problem) => `${problem}: ignored`));
	else header.errors.push(...unnamed);
	if (header.errors.length) {
		if (header.hasUnknown || unnamed.length) header.errors.push(allowedHeaders(schema));
		throw new HeaderError(header.errors);
	}

	const writesRowByRow =
		settings.mode === 'rowByRow' || (settings.mode === 'bulk' && schema.bulkType === undefined);
	checkUnwritableColumns(settings, [...unwritableWithValues], writesRowByRow, warnings);

	if (keepRows) {
		// The run's one pacer (every request of this node run shares it); Requests per Minute is its ceiling.
		const pacer = pacerFor(node, { ceilingPerMinute: settings.requestsPerMinute });
		const byRow = new Map(outcomes.map((outcome) => [outcome.row, outcome]));
		const mark = (row: number, status: Status, reason: string) =>
			Object.assign(byRow.get(row)!, { status, reason });
		const candidates = await checkReferences(node, settings, valid, pacer, mark);
		if (writes) {
			const viaBulk = settings.mode === 'bulk' && schema.bulkType !== undefined;
			if (settings.mode === 'bulk' && !viaBulk)
				warnings.push(`${schema.label} have no bulk endpoint: imported row by row through API v2`);
			const transactionKeys =
				settings.objectType === 'transactions'
					? derivedTransactionKeys(candidates)
					: new Map<number, string>();
			if (viaBulk)
				await uploadBulk(node, settings, headerCells, candidates, transactionKeys, pacer, mark);
			else await writeRows(node, settings, candidates, transactionKeys, pacer, mark);
		}
		report = new ReportWriter(headerCells);
		for (const outcome of outcomes) {
			counts[outcome.status] += 1;
			report.addRow(outcome.row, outcome.status, outcome.reason, outcome.cells);
		}
	}

	const summary: ImportSummary = {
		objectType: settings.objectType,
		mode: settings.mode,
		total,
		imported: writes ? counts.imported : counts.valid,
		skipped: counts.skipped,
		failed: counts.failed,
		blankRows,
		warnings,
		startedAt,
		finishedAt: new Date().toISOString(),
	};
	return { summary, report: report!.toBuffer() };
}

/**
 * Columns that pass validation but that API v2 cannot carry, among the columns with values in rows that would
 * be written. Row by row: `stop` before any request (the error names each column and points to bulk) or
 * `skip` (a warning per column). A dry run warns, so the user learns it before choosing a mode.
 */
function checkUnwritableColumns(
	settings: ImportSettings,
	withValues: FieldSchema[],
	writesRowByRow: boolean,
	warnings: string[],
) {
	const schema = SCHEMAS[settings.objectType];
	const unwritable = schema.fields.filter((field) => withValues.includes(field));
	if (!unwritable.length) return;
	const named = unwritable.map((field) => `${field.name} (${field.unwritable})`);
	if (settings.mode === 'validate') {
		if (schema.bulkType)
			warnings.push(`Row by Row cannot write these columns, Bulk can: ${named.join(', ')}`);
		return;
	}
	if (!writesRowByRow) return;
	if (settings.unwritableColumns === 'skip') {
		for (const column of named)
			warnings.push(`column ${column} not written: Unwritable Columns is set to skip`);
		return;
	}
	throw new UnwritableColumnsError(
		`Row by Row cannot write ${unwritable.length === 1 ? 'this column' : `these ${unwritable.length} columns`}, which ${unwritable.length === 1 ? 'has' : 'have'} values: ${named.join(', ')}. ` +
			`Nothing was written. Use the mode Bulk (the Data Import API takes every column), or set the option Unwritable Columns to Skip to import the other columns.`,
	);
}

async function writeRows(
	node: IExecuteFunctions,
	settings: ImportSettings,
	rows: ValidRow[],
	transactionKeys: Map<number, string>,
	pacer: RequestPacer,
	mark: (row: number, status: Status, reason: string) => void,
) {
	if (!rows.length) return;
	const existing = await prefetchExisting(node, settings.objectType, pacer).catch(
		(error: Error) => error,
	);
	if (existing instanceof Error) {
		// Without knowing what exists, writing could duplicate: every row fails, with the reason.
		for (const row of rows)
			mark(
				row.row,
				'failed',
				`reading existing ${settings.objectType} failed: ${existing.message}`,
			);
		return;
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
	await mapWithConcurrency(rows, settings.concurrency, async (row) => {
		try {
			const result = await WRITERS[settings.objectType](context, row, {
				transactionKey: transactionKeys.get(row.row),
			});
			mark(row.row, result.status, result.reason);
		} catch (error) {
			mark(row.row, 'failed', (error as Error).message);
		}
		if (++done % 1000 === 0)
			node.logger.info('PartnerStack Import: rows written', { rows: done, of: rows.length });
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
	mark: (row: number, status: Status, reason: string) => void,
) {
	if (!rows.length) return;
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
	const boundary = `----n8nPartnerStackImport${Date.now().toString(16)}`;
	const fields: Record<string, string> = {};
	if (settings.objectType === 'partners')
		fields[INVITE_FLAG_FIELD] = String(settings.sendInviteEmails);
	if (settings.groupKey) fields.group_key = settings.groupKey;
	const parts = Object.entries(fields).map(
		([name, value]) =>
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
	);
	const body = Buffer.concat([
		Buffer.from(parts.join('')),
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${settings.objectType}.csv"\r\nContent-Type: text/csv\r\n\r\n`,
		),
		Buffer.from(`${lines.join('\r\n')}\r\n`),
		Buffer.from(`\r\n--${boundary}--\r\n`),
	]);
	try {
		const answer = await partnerStackRequest.call(node, 'POST', `/v1/import/${schema.bulkType}`, {
			body,
			headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
			pacer,
			idempotent: true,
		});
		const message = String(answer.message ?? 'uploaded');
		for (const row of rows)
			mark(row.row, 'imported', `uploaded to the Data Import API: ${message}`);
	} catch (error) {
		for (const row of rows) mark(row.row, 'failed', (error as Error).message);
	}
}
