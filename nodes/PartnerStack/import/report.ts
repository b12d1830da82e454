/** The report CSV (contract.md): `row,status,reason`, then the original columns, every cell as read. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** Either of the two: most cells have neither, and one test is all they cost. */
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/;

/** A cell a spreadsheet would run as a formula is prefixed with `'` (importer-rules.md "Report"). */
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
	/** Pieces of lines, joined once per flush: no intermediate string per line. */
	private parts: string[] = [];
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
		const line = csvLine(cells);
		this.parts.push(line, '\r\n');
		this.size += line.length;
	}

	/** One data row, without building an array or a string per row (a million-row report in seconds). */
	addRow(row: number, status: string, reason: string, cells: string[]) {
		const parts = this.parts;
		parts.push(String(row), ',', status, ',', guardCell(reason));
		let size = reason.length + 16;
		for (let index = 0; index < cells.length; index++) {
			const cell = guardCell(cells[index]);
			parts.push(',', cell);
			size += cell.length + 1;
		}
		parts.push('\r\n');
		this.size += size;
		if (this.size > 256 * 1024) this.flush();
	}

	private flush() {
		if (!this.parts.length) return;
		const text = this.parts.join('');
		this.parts = [];
		this.size = 0;
		if (this.reserved && this.used + text.length * 3 <= this.reserved.length) {
			this.used += this.reserved.write(text, this.used, 'utf8');
			return;
		}
		if (this.reserved) {
			this.chunks.push(this.reserved.subarray(0, this.used));
			this.reserved = undefined;
		}
		this.chunks.push(Buffer.from(text, 'utf8'));
	}

	toBuffer(): Buffer {
		this.flush();
		if (this.reserved) return this.reserved.subarray(0, this.used);
		return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
	}
}
