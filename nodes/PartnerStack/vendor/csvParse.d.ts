/** Types of csv-parse's core API (lib/api/index.js), as bundled into dist/nodes/PartnerStack/vendor/csvParse.js. */
export interface CsvParseOptions {
	bom?: boolean;
	delimiter?: string | string[];
	quote?: string | null;
	escape?: string | null;
	relax_column_count?: boolean;
	relax_quotes?: boolean;
	skip_empty_lines?: boolean;
	info?: boolean;
	raw?: boolean;
	encoding?: string | null;
	record_delimiter?: string | string[];
	max_record_size?: number;
}

export interface CsvTransformer {
	/** Feeds a chunk (or `undefined` with `end` true); `push` receives each record; answers an error or undefined. */
	parse(
		chunk: Buffer | undefined,
		end: boolean,
		push: (record: unknown) => void,
		close: () => void,
	): CsvError | undefined;
	info: {
		lines: number;
		records: number;
		bytes: number;
		comment_lines: number;
		empty_lines: number;
		invalid_field_length: number;
	};
}

export declare class CsvError extends Error {
	code: string;
	lines?: number;
	column?: number | string;
	record?: string[];
}

export declare function transform(options?: CsvParseOptions): CsvTransformer;
