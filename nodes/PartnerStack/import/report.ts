/** The report CSV (contract.md): `row,status,reason`, then the original columns, every cell as read. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell a spreadsheet would run as a formula is prefixed with `'` (importer-rules.md "Report"). */
export function guardCell(text: string): string {
	if (text === '') return text;
	const guarded = FORMULA_START.test(text) ? `'${text}` : text;
	return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(cells: Array<string | number>): string {
	return cells.map((cell) => guardCell(String(cell))).join(',');
}

/** Collects report lines as compact UTF-8 chunks, so a million-row report does not live as JS strings. */
export class ReportWriter {
	private readonly chunks: Buffer[] = [];
	private lines: string[] = [];
	private size = 0;

	constructor(header: string[]) {
		this.add(['row', 'status', 'reason', ...header]);
	}

	add(cells: Array<string | number>) {
		this.push(csvLine(cells));
	}

	/** One data row, without building an array per row (a million-row report is built in seconds). */
	addRow(row: number, status: string, reason: string, cells: string[]) {
		let line = `${row},${status},${guardCell(reason)}`;
		for (let index = 0; index < cells.length; index++) line += `,${guardCell(cells[index])}`;
		this.push(line);
	}

	private push(line: string) {
		this.lines.push(line);
		this.size += line.length;
		if (this.size > 256 * 1024) this.flush();
	}

	private flush() {
		if (!this.lines.length) return;
		this.chunks.push(Buffer.from(`${this.lines.join('\r\n')}\r\n`, 'utf8'));
		this.lines = [];
		this.size = 0;
	}

	toBuffer(): Buffer {
		this.flush();
		return Buffer.concat(this.chunks);
	}
}
