// The read stage: the file's bytes to rows. UTF-8 is checked as the bytes arrive (a file in another encoding is
// one clear error), then csv-parse's core splits the text into rows, which go on one by one: nothing is held.
import { transform } from '../../vendor/csvParse';
import type { Delimiter, ImportSettings } from '../settings';
import { Utf8Validator } from '../utf8';

/** A file that cannot be read as CSV text at all: one error, no rows. */
export class CsvFileError extends Error {}

/**
 * Receives each row: `row` as a spreadsheet numbers it (the header is row 1), the cells as read (unquoted,
 * not trimmed), and the parser's reason when the row is not valid CSV (it is then skipped).
 */
export type RowHandler = (row: number, cells: string[], error?: string) => void;

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * The read stage: every row of the file to `onRow` as it is parsed (row numbers as a spreadsheet shows them).
 * Rows are handed on, not returned: a dry run of a million rows writes each row's report line and forgets it.
 */
export async function readRows(
	settings: ImportSettings,
	chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
	onRow: RowHandler,
): Promise<void> {
	const csv = new CsvStream(settings.delimiter, onRow);
	for await (const chunk of chunks) csv.write(chunk);
	csv.end();
}

/** The most frequent candidate outside quotes on the header line; the comma on a tie. */
export function sniffDelimiter(headerLine: string): string {
	const counts = new Map(CANDIDATES.map((candidate) => [candidate, 0]));
	let quoted = false;
	for (const char of headerLine) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
	}
	let best = ',';
	for (const candidate of CANDIDATES)
		if (counts.get(candidate)! > counts.get(best)!) best = candidate;
	return best;
}

/**
 * Streams CSV rows out of byte chunks with csv-parse's core, without holding the file: RFC 4180 quoting,
 * BOM, CRLF/LF/CR. Broken rows come out with `error` (the parser's reason) and parsing goes on.
 */
export class CsvStream {
	private parser?: ReturnType<typeof transform>;
	private readonly utf8 = new Utf8Validator();
	private head: Buffer[] = [];
	private records = 0;

	private sawContent = false;

	/** Rows go straight to `onRow` as the parser completes them: nothing is collected per row. */
	constructor(
		private readonly delimiter: Delimiter,
		private readonly onRow: RowHandler,
	) {}

	/** Feeds a chunk. */
	write(chunk: Buffer): void {
		this.checkText(chunk, false);
		if (!this.parser) {
			this.head.push(chunk);
			const buffered = Buffer.concat(this.head);
			if (this.delimiter === 'auto' && !/[\r\n]/.test(buffered.toString('utf8'))) return;
			this.start(buffered);
			this.head = [];
			this.feed(buffered, false);
			return;
		}
		this.feed(chunk, false);
	}

	/** Ends the input. */
	end(): void {
		this.checkText(Buffer.alloc(0), true);
		if (!this.parser) {
			const buffered = Buffer.concat(this.head);
			this.start(buffered);
			if (buffered.length) this.feed(buffered, false);
		}
		this.feed(undefined, true);
		if (!this.sawContent) throw new CsvFileError('The file is empty or has no header row');
	}

	private checkedStart = false;

	private checkText(chunk: Buffer, end: boolean) {
		if (!this.checkedStart && chunk.length) {
			this.checkedStart = true;
			if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
				throw new CsvFileError(
					'The file is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8: save it as CSV UTF-8 and try again',
				);
			}
		}
		// UTF-16 without a byte order mark puts a NUL byte beside every ASCII letter; binary files have them too.
		if (chunk.includes(0)) {
			throw new CsvFileError(
				'The file is not UTF-8 text (it contains NUL bytes: binary data or UTF-16): save it as CSV UTF-8 and try again',
			);
		}
		if (!this.utf8.write(chunk, end)) {
			throw new CsvFileError(
				'The file is not valid UTF-8 text: save it as CSV UTF-8 and try again',
			);
		}
	}

	private start(buffered: Buffer) {
		const text = buffered.toString('utf8').replace(/^\uFEFF/, '');
		const delimiter =
			this.delimiter === 'auto' ? sniffDelimiter(text.split(/\r\n|\n|\r/)[0]) : this.delimiter;
		this.parser = transform({
			bom: true,
			delimiter,
			relax_column_count: true,
			skip_records_with_error: true,
			// csv-parse calls this for a record it cannot read; it is reported, not dropped.
			on_skip: (error: { message: string; record?: string[] }) => {
				this.onRow(++this.records, error.record ?? [], error.message);
			},
		} as never);
	}

	private readonly push = (output: unknown) => {
		const record = output as string[];
		this.records += 1;
		if (this.records === 1 && isBlank(record)) {
			this.emptyHeader = true;
			return;
		}
		if (this.emptyHeader) return;
		this.sawContent = true;
		this.onRow(this.records, record);
	};

	private emptyHeader = false;

	private feed(chunk: Buffer | undefined, end: boolean): void {
		const error = this.parser!.parse(chunk, end, this.push, noop);
		if (this.emptyHeader)
			throw new CsvFileError('The file is empty or has no header row (its first line is empty)');
		if (error) throw new CsvFileError(`The file could not be read as CSV: ${error.message}`);
	}
}

function noop() {}

/** Every cell empty or whitespace. */
export function isBlank(cells: string[]): boolean {
	for (let index = 0; index < cells.length; index++) if (cells[index].trim() !== '') return false;
	return true;
}
