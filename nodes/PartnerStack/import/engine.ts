import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { mapWithConcurrency, type RequestPacer } from '../transport/concurrency';
import { pacerFor, partnerStackAllItems, partnerStackRequest } from '../transport';
import type { Delimiter } from './csv';
import { CsvStream, isBlank } from './csv';
import { MISSING_REASON, ReferenceCache, type ReferenceKind } from './references';
import { csvLine, ReportWriter } from './report';
import { SCHEMAS, type ImportObjectType } from './schemas';
import { checkHeader, compileRowCheck, IdentityClaims, type HeaderCheck, type RowCheck } from './validator';
import { derivedTransactionKeys, prefetchExisting, WRITERS, type ValidRow, type WriteContext } from './writers';

export type ImportMode = 'validate' | 'rowByRow' | 'bulk';

export interface ImportSettings {
	objectType: ImportObjectType;
	mode: ImportMode;
	delimiter: Delimiter;
	ignoreUnknownColumns: boolean;
	sendInviteEmails: boolean;
	checkReferences: boolean;
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
			if (header.errors.length) throw new HeaderError(header.errors);
			warnings.push(...header.warnings);
			// Rows kept for lookups and writes are reported once their outcome is known, at the end.
			if (!keepRows) report = new ReportWriter(headerCells, settings.inputBytes);
			checkRow = compileRowCheck(schema, header, { keepValues: keepRows });
			emptyHeaderColumns = headerCells.flatMap((name, index) => (name.trim() ? [] : [index]));
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
		if (keepRows) {
			valid.push({ row, cells: shown, values: checked.values, custom: checked.custom });
			outcomes.push({ row, status: 'valid', reason: '', cells: shown });
		} else record(row, 'valid', '', shown);
	};

	const csv = new CsvStream(settings.delimiter, handle);
	for await (const chunk of chunks) csv.write(chunk);
	csv.end();
	if (!header) throw new HeaderError(['the file has no header row']);
	const lateHeaderErrors = [...emptyHeaderColumnsWithValues].map((index) => `column ${index + 1} has no header`);
	if (lateHeaderErrors.length) throw new HeaderError(lateHeaderErrors);

	if (keepRows) {
		// The run's one pacer (every request of this node run shares it); Requests per Minute is its ceiling.
		const pacer = pacerFor(node, { ceilingPerMinute: settings.requestsPerMinute });
		const byRow = new Map(outcomes.map((outcome) => [outcome.row, outcome]));
		const mark = (row: number, status: Status, reason: string) => Object.assign(byRow.get(row)!, { status, reason });
		const candidates = await checkReferences(node, settings, valid, pacer, mark, warnings);
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
	warnings: string[],
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
	if (rows.some((row) => row.values.target_type === 'transaction')) {
		warnings.push('reward targets of type transaction are not looked up: the API has no way to read one transaction');
	}
	const groups = await groupKeys(node, settings, rows, pacer);
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
		const group = row.values.partner_group;
		if (group !== undefined) {
			const key = groups.get(String(group).toLowerCase());
			if (key) row.values.partner_group = key;
			else problems.push(`partner_group ${group} not found`);
		}
		if (stages && !stages.has(String(row.values.stage))) problems.push(`stage ${row.values.stage} is not a deal stage of the group`);
		if (failure) mark(row.row, 'failed', failure);
		else if (problems.length) mark(row.row, 'skipped', problems.join('; '));
		else kept.push(row);
	}
	return kept;
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
	const lines = [csvLine(withKeys && keyColumn === -1 ? [...header, 'key'] : header)];
	for (const row of rows) {
		const cells = row.cells.map((cell) => cell.trim());
		const derived = transactionKeys.get(row.row);
		if (withKeys && derived) {
			if (keyColumn === -1) cells.push(derived);
			else cells[keyColumn] = derived;
		}
		lines.push(csvLine(cells));
	}
	const boundary = `----n8nPartnerStackImport${Date.now().toString(16)}`;
	const fields: Record<string, string> = {};
	if (settings.objectType === 'partners') fields.send_invite_emails = String(settings.sendInviteEmails);
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
