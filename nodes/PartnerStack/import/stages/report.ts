// The report stage: the summary (the item's JSON) and the report CSV, one line per data row with its status
// and reason. A dry run without lookups feeds the lines as the rows stage settles them; other runs once the
// references and writes have settled every kept row.
import type { IDataObject } from 'n8n-workflow';

import type { ImportObjectType } from '../schemas';
import { writes, type ImportMode, type ImportSettings } from '../settings';
import type { Outcome, RowResult, Status } from './rows';

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

/** The report stage: the summary, then the report file. */
export function report(
	settings: ImportSettings,
	{
		lines,
		total,
		blankRows,
		warnings,
		startedAt,
	}: {
		lines: ReportLines;
		total: number;
		blankRows: number;
		warnings: string[];
		startedAt: string;
	},
): { summary: ImportSummary; report: Buffer } {
	const { counts } = lines;
	const summary: ImportSummary = {
		objectType: settings.objectType,
		mode: settings.mode,
		total,
		imported: writes(settings) ? counts.imported : counts.valid,
		skipped: counts.skipped,
		failed: counts.failed,
		blankRows,
		warnings,
		startedAt,
		finishedAt: new Date().toISOString(),
	};
	return { summary, report: lines.toBuffer() };
}

/** The report's lines and the rows counted per status, line by line. */
export class ReportLines {
	readonly counts: Record<Status, number> = { valid: 0, imported: 0, skipped: 0, failed: 0 };
	private readonly writer: ReportWriter;

	constructor(header: string[], inputBytes?: number) {
		this.writer = new ReportWriter(header, inputBytes);
	}

	/** One row's line. A bound function: the rows stage of a dry run hands it each row, nothing in between. */
	readonly add = (row: number, status: Status, reason: string, cells: string[]) => {
		this.counts[status] += 1;
		this.writer.addRow(row, status, reason, cells);
	};

	toBuffer(): Buffer {
		return this.writer.toBuffer();
	}
}

/** The kept rows' lines in file order, each with the status a later stage settled it in, else its own. */
export function keptLines(header: string[], kept: Outcome[], settled: RowResult[]): ReportLines {
	const byRow = new Map(settled.map((result) => [result.row, result]));
	const lines = new ReportLines(header);
	for (const outcome of kept) {
		const { status, reason } = byRow.get(outcome.row) ?? outcome;
		lines.add(outcome.row, status, reason, outcome.cells);
	}
	return lines;
}

/** The report CSV (docs/stable-names.md#partnerstackimport): `row,status,reason`, then the original columns, every cell as read. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** Either of the two: most cells have neither, and one test is all they cost. */
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/;
/** About 64 K characters: big enough that encoding is one call per several hundred lines, small enough to stay cheap. */
const ENCODE_BATCH_CHARS = 64 * 1024;

/** A cell a spreadsheet would run as a formula is prefixed with `'` (docs/import-rules.md#report). */
export function guardCell(text: string): string {
	if (text === '' || !NEEDS_CARE.test(text)) return text;
	const guarded = FORMULA_START.test(text) ? `'${text}` : text;
	return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(cells: Array<string | number>): string {
	return cells.map((cell) => guardCell(String(cell))).join(',');
}

/**
 * Collects report lines as UTF-8 bytes, so a million-row report does not live as JS strings. Given the
 * input's size, it writes into one buffer reserved up front (pages never written cost no memory) and hands
 * out a view of it: the report is not held twice while it is joined. Past the reservation it falls back to
 * chunks joined at the end.
 */
export class ReportWriter {
	private readonly chunks: Buffer[] = [];
	private lines: string[] = [];
	private pending = '';
	private size = 0;
	private reserved?: Buffer;
	private used = 0;

	constructor(header: string[], inputBytes?: number) {
		if (inputBytes !== undefined && inputBytes > 1024 * 1024) {
			this.reserved = Buffer.allocUnsafe(Math.ceil(inputBytes * 1.5) + 1024 * 1024);
		}
		this.add(['row', 'status', 'reason', ...header]);
	}

	add(cells: Array<string | number>) {
		this.push(`${csvLine(cells)}\r\n`);
	}

	/** One data row, without building an array per row (a million-row report in seconds). */
	addRow(row: number, status: string, reason: string, cells: string[]) {
		let line = row + ',' + status + ',' + (reason === '' ? '' : guardCell(reason));
		for (let index = 0; index < cells.length; index++) {
			const cell = cells[index];
			// Most cells need neither quoting nor a formula guard: one test each, and they go in as read.
			line += NEEDS_CARE.test(cell) ? ',' + guardCell(cell) : ',' + cell;
		}
		this.push(line + '\r\n');
	}

	/**
	 * `line` ends with its CRLF. Lines gather in one string and are encoded about 64 KB at a time: one
	 * encoder call per line cost more than the checks that made the line.
	 */
	private push(line: string) {
		this.pending += line;
		if (this.pending.length >= ENCODE_BATCH_CHARS) this.encodePending();
	}

	private encodePending() {
		const text = this.pending;
		if (!text) return;
		this.pending = '';
		const reserved = this.reserved;
		if (reserved && this.used + text.length * 3 <= reserved.length) {
			this.used += reserved.write(text, this.used, 'utf8');
			return;
		}
		if (reserved) {
			this.chunks.push(reserved.subarray(0, this.used));
			this.reserved = undefined;
		}
		this.lines.push(text);
		this.size += text.length;
		if (this.size > 256 * 1024) this.flush();
	}

	private flush() {
		if (!this.lines.length) return;
		this.chunks.push(Buffer.from(this.lines.join(''), 'utf8'));
		this.lines = [];
		this.size = 0;
	}

	toBuffer(): Buffer {
		this.encodePending();
		this.flush();
		if (this.reserved) return this.reserved.subarray(0, this.used);
		return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
	}
}
