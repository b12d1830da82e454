import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { mapWithConcurrency, type RequestPacer } from '../transport/concurrency';
import { pacerFor, partnerStackAllItems, partnerStackRequest } from '../transport';
import type { Delimiter } from './csv';
import { CsvStream, isBlank } from './csv';
import { listTiers, TierIndex } from '../helpers/tiers';
import { MISSING_REASON, ReferenceCache, type ReferenceKind } from './references';
import { dataCsvLine, ReportWriter } from './report';
import { SCHEMAS, unwritableFields, type FieldSchema, type ImportObjectType } from './schemas';
import { allowedHeaders, checkHeader, compileRowCheck, IdentityClaims, type HeaderCheck, type RowCheck } from './validator';
import { derivedTransactionKeys, INVITE_FLAG_FIELD, prefetchExisting, WRITERS, type ValidRow, type WriteContext } from './writers';

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
		super(`The CSV header has ${problems.length} problem${problems.length > 1 ? 's' : ''}: ${problems.join('; ')}`);
	}
}

/** Row by row would lose validated cells: stopped before any request. */
export class UnwritableColumnsError extends Error {}

/** A dry run could not ask PartnerStack: the item fails, no row is marked failed (a dry run only says valid or skipped). */
export class ReferenceCheckError extends Error {}

type Status = 'valid' | 'imported' | 'skipped' | 'failed';
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
	const leadForm = settings.objectType === 'leads' && keepRows ? await leadFormFields(node, settings) : undefined;

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
		if (total % PROGRESS_EVERY_ROWS === 0) node.logger.info('PartnerStack Import: rows read', { rows: total, objectType: settings.objectType });
		for (const index of emptyHeaderColumns) {
			if ((cells[index] ?? '').trim()) emptyHeaderColumnsWithValues.add(index);
		}
		if (header.errors.length) return;
		if (parseError) return settle({ row, status: 'skipped', reason: `not valid CSV: ${parseError}`, cells });
		let shown = cells;
		if (cells.length > headerCells.length) {
			if (cells.slice(headerCells.length).some((cell) => cell.trim() !== '')) {
				return settle({ row, status: 'skipped', reason: `row has ${cells.length} cells, the header has ${headerCells.length}`, cells });
			}
			shown = cells.slice(0, headerCells.length);
		}
		const checked = checkRow(shown);
		if (checked.reasons.length) return settle({ row, status: 'skipped', reason: checked.reasons.join('; '), cells: shown });
		const first = claims.claim(checked.values, row);
		if (first !== undefined) return settle({ row, status: 'skipped', reason: `duplicate of row ${first}`, cells: shown });
		for (const { field, index } of unwritableColumns) if ((shown[index] ?? '').trim()) unwritableWithValues.add(field);
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
	const unnamed = [...emptyHeaderColumnsWithValues].sort((a, b) => a - b).map((index) => `column ${index + 1} has no header`);
	if (settings.ignoreUnknownColumns) warnings.push(...unnamed.map((problem) => `${problem}: ignored`));
	else header.errors.push(...unnamed);
	if (header.errors.length) {
		if (header.hasUnknown || unnamed.length) header.errors.push(allowedHeaders(schema));
		throw new HeaderError(header.errors);
	}

	const writesRowByRow = settings.mode === 'rowByRow' || (settings.mode === 'bulk' && schema.bulkType === undefined);
	checkUnwritableColumns(settings, [...unwritableWithValues], writesRowByRow, warnings);

	if (keepRows) {
		// The run's one pacer (every request of this node run shares it); Requests per Minute is its ceiling.
		const pacer = pacerFor(node, { ceilingPerMinute: settings.requestsPerMinute });
		const byRow = new Map(outcomes.map((outcome) => [outcome.row, outcome]));
		const mark = (row: number, status: Status, reason: string) => Object.assign(byRow.get(row)!, { status, reason });
		const candidates = await checkReferences(node, settings, valid, pacer, mark);
		if (writes) {
			const viaBulk = settings.mode === 'bulk' && schema.bulkType !== undefined;
			if (settings.mode === 'bulk' && !viaBulk) warnings.push(`${schema.label} have no bulk endpoint: imported row by row through API v2`);
			const transactionKeys = settings.objectType === 'transactions' ? derivedTransactionKeys(candidates) : new Map<number, string>();
			if (viaBulk) await uploadBulk(node, settings, headerCells, candidates, transactionKeys, pacer, mark);
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
function checkUnwritableColumns(settings: ImportSettings, withValues: FieldSchema[], writesRowByRow: boolean, warnings: string[]) {
	const schema = SCHEMAS[settings.objectType];
	const unwritable = schema.fields.filter((field) => withValues.includes(field));
	if (!unwritable.length) return;
	const named = unwritable.map((field) => `${field.name} (${field.unwritable})`);
	if (settings.mode === 'validate') {
		if (schema.bulkType) warnings.push(`Row by Row cannot write these columns, Bulk can: ${named.join(', ')}`);
		return;
	}
	if (!writesRowByRow) return;
	if (settings.unwritableColumns === 'skip') {
		for (const column of named) warnings.push(`column ${column} not written: Unwritable Columns is set to skip`);
		return;
	}
	throw new UnwritableColumnsError(
		`Row by Row cannot write ${unwritable.length === 1 ? 'this column' : `these ${unwritable.length} columns`}, which ${unwritable.length === 1 ? 'has' : 'have'} values: ${named.join(', ')}. ` +
			`Nothing was written. Use the mode Bulk (the Data Import API takes every column), or set the option Unwritable Columns to Skip to import the other columns.`,
	);
}

interface LeadForm {
	required: string[];
	known: Set<string>;
}

/** The group's lead form: its required fields become required columns (importer-rules.md, leads). */
async function leadFormFields(node: IExecuteFunctions, settings: ImportSettings): Promise<LeadForm | undefined> {
	const envelope = await partnerStackRequest.call(node, 'GET', '/leads/form-templates', { qs: { group_key: settings.groupKey } });
	const templates = (Array.isArray(envelope.data) ? envelope.data : []) as IDataObject[];
	if (!templates.length) return undefined;
	const fields = templates.flatMap((template) => (template.fields as IDataObject[] | undefined) ?? []);
	const nameOf = (field: IDataObject) => String(field.api_name ?? field.name ?? '').toLowerCase();
	return {
		required: fields.filter((field) => field.required === true).map(nameOf).filter(Boolean),
		known: new Set(fields.map(nameOf)),
	};
}

function checkLeadForm(header: HeaderCheck, form: LeadForm, warnings: string[]) {
	const columns = new Set(header.customColumns.map((column) => column.name.toLowerCase()));
	const missing = form.required.filter((name) => !columns.has(name) && !header.columnOf.has(name));
	if (missing.length) header.errors.push(`missing required lead form header${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
	for (const column of header.customColumns) {
		if (!form.known.has(column.name.toLowerCase())) warnings.push(`column "${column.name}" is not a field of the group's lead form`);
	}
}

/** Rows whose partner, customer, group or stage is not in PartnerStack are skipped; answers the rest. */
async function checkReferences(
	node: IExecuteFunctions,
	settings: ImportSettings,
	rows: ValidRow[],
	pacer: RequestPacer,
	mark: (row: number, status: Status, reason: string) => void,
): Promise<ValidRow[]> {
	if (settings.mode === 'validate' && !settings.checkReferences) return rows;
	const schema = SCHEMAS[settings.objectType];
	const cache = new ReferenceCache(node, pacer, settings.concurrency);
	const wanted = (row: ValidRow) => {
		const refs: Array<{ kind: ReferenceKind; key: string; column: string }> = [];
		for (const field of schema.fields) {
			const value = row.values[field.name];
			if (field.reference && value !== undefined && value !== '') refs.push({ kind: field.reference, key: String(value), column: field.name });
		}
		if (row.values.target_type === 'customer') refs.push({ kind: 'customer', key: String(row.values.target_key), column: 'target_key' });
		return refs;
	};
	await cache.resolve(rows.flatMap(wanted));
	const groups = await groupKeys(node, settings, rows, pacer);
	const tiers = rows.some((row) => row.values.partner_tier !== undefined) ? new TierIndex(await listTiers.call(node, pacer)) : undefined;
	const transactions = await transactionKeys(node, rows, pacer);
	const stages = await dealStages(node, settings, pacer);

	const kept: ValidRow[] = [];
	for (const row of rows) {
		const problems: string[] = [];
		let failure: string | undefined;
		for (const ref of wanted(row)) {
			const lookup = cache.get(ref.kind, ref.key)!;
			if ('error' in lookup) failure = `looking up ${ref.column} ${ref.key} failed: ${lookup.error}`;
			else if ('missing' in lookup) problems.push(MISSING_REASON[ref.kind](ref.key));
			else if (ref.kind !== 'customer') row.partner = lookup.found;
		}
		if (row.values.target_type === 'transaction' && !transactions!.has(String(row.values.target_key))) {
			problems.push(`transaction ${row.values.target_key} not found`);
		}
		const tier = row.values.partner_tier;
		if (tier !== undefined) {
			const key = tiers!.keyOf(String(tier));
			if (key) row.values.partner_tier = key;
			else problems.push(`partner_tier ${tier} not found`);
		}
		const group = row.values.partner_group;
		if (group !== undefined) {
			const key = groups.get(String(group).toLowerCase());
			if (key) row.values.partner_group = key;
			else problems.push(`partner_group ${group} not found`);
		}
		if (stages && !stages.has(String(row.values.stage))) problems.push(`stage ${row.values.stage} is not a deal stage of the group`);
		// A dry run answers valid or skipped only: PartnerStack out of reach fails the item, with the reason.
		if (failure && settings.mode === 'validate') throw new ReferenceCheckError(`Checking references in PartnerStack failed: ${failure}`);
		if (failure) mark(row.row, 'failed', failure);
		else if (problems.length) mark(row.row, 'skipped', problems.join('; '));
		else kept.push(row);
	}
	return kept;
}

/**
 * Reward targets of type transaction: the API has no read of one transaction, so the list is read once per
 * run (only when a row needs it) and the keys are kept.
 */
async function transactionKeys(node: IExecuteFunctions, rows: ValidRow[], pacer: RequestPacer) {
	if (!rows.some((row) => row.values.target_type === 'transaction')) return undefined;
	const keys = new Set<string>();
	for (const transaction of await partnerStackAllItems.call(node, '/transactions', {}, Infinity, { pacer })) keys.add(String(transaction.key));
	return keys;
}

async function groupKeys(node: IExecuteFunctions, settings: ImportSettings, rows: ValidRow[], pacer: RequestPacer) {
	const byName = new Map<string, string>();
	if (!rows.some((row) => row.values.partner_group !== undefined)) return byName;
	for (const group of await partnerStackAllItems.call(node, '/groups', {}, Infinity, { pacer })) {
		for (const name of [group.key, group.slug, group.name]) if (name) byName.set(String(name).toLowerCase(), String(group.key));
	}
	return byName;
}

async function dealStages(node: IExecuteFunctions, settings: ImportSettings, pacer: RequestPacer) {
	if (settings.objectType !== 'deals') return undefined;
	const envelope = await partnerStackRequest.call(node, 'GET', '/sales-cycles/deal/stages', { qs: { group_key: settings.groupKey }, pacer });
	const data = envelope.data as IDataObject[] | { items?: IDataObject[] } | undefined;
	const stages = Array.isArray(data) ? data : (data?.items ?? []);
	return stages.length ? new Set(stages.flatMap((stage) => [String(stage.name), String(stage.key)])) : undefined;
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
	const existing = await prefetchExisting(node, settings.objectType, pacer).catch((error: Error) => error);
	if (existing instanceof Error) {
		// Without knowing what exists, writing could duplicate: every row fails, with the reason.
		for (const row of rows) mark(row.row, 'failed', `reading existing ${settings.objectType} failed: ${existing.message}`);
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
			const result = await WRITERS[settings.objectType](context, row, { transactionKey: transactionKeys.get(row.row) });
			mark(row.row, result.status, result.reason);
		} catch (error) {
			mark(row.row, 'failed', (error as Error).message);
		}
		if (++done % 1000 === 0) node.logger.info('PartnerStack Import: rows written', { rows: done, of: rows.length });
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
	if (settings.objectType === 'partners') fields[INVITE_FLAG_FIELD] = String(settings.sendInviteEmails);
	if (settings.groupKey) fields.group_key = settings.groupKey;
	const parts = Object.entries(fields).map(
		([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
	);
	const body = Buffer.concat([
		Buffer.from(parts.join('')),
		Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${settings.objectType}.csv"\r\nContent-Type: text/csv\r\n\r\n`),
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
		for (const row of rows) mark(row.row, 'imported', `uploaded to the Data Import API: ${message}`);
	} catch (error) {
		for (const row of rows) mark(row.row, 'failed', (error as Error).message);
	}
}
