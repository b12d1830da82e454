// The import as a pipeline of named stages, one file each under stages/: read → header → rows → references →
// write → report. Each stage takes the settings (read once, settings.ts) and the previous stage's output, and
// answers its own; none calls back into another. This file only wires them.
import type { IExecuteFunctions } from 'n8n-workflow';

import { pacerFor } from '../transport';
import { keepsRows, type ImportSettings } from './settings';
import { HeaderError, readHeader, settleHeader, type Header } from './stages/header';
import { readRows } from './stages/read';
import { checkReferences, leadFormFields } from './stages/references';
import { keptLines, report, ReportLines, type ImportSummary } from './stages/report';
import { checkRows, type Outcome, type RowsStage } from './stages/rows';
import { checkUnwritableColumns, writeRows } from './stages/write';

/** The file to import: its bytes, chunk by chunk, and its size when known (the report then reserves its memory once). */
export interface ImportInput {
	chunks: AsyncIterable<Buffer> | Iterable<Buffer>;
	bytes?: number;
}

/** Runs one import. Every data row ends in exactly one state, with its reason. */
export async function runImport(
	node: IExecuteFunctions,
	input: ImportInput,
	settings: ImportSettings,
): Promise<{ summary: ImportSummary; report: Buffer }> {
	const startedAt = new Date().toISOString();
	// Every request of this node run shares one pacer; the item says how long a 429 may be retried.
	pacerFor(node, { rateLimitWaitMs: settings.rateLimitWaitMs });
	const keep = keepsRows(settings);
	// The group's lead form makes its required fields required headers: read before the file.
	const leadForm =
		settings.objectType === 'leads' && keep ? await leadFormFields(node, settings) : undefined;

	// A dry run without lookups writes each row's report line as soon as the row is read; other runs keep the
	// rows' outcomes until the references and the writes have had their word.
	const kept: Outcome[] = [];
	let lines: ReportLines | undefined;
	let header: Header | undefined;
	let rows: RowsStage | undefined;
	await readRows(settings, input.chunks, (row, cells, parseError) => {
		if (rows) return rows.take(row, cells, parseError);
		header = readHeader(settings, cells, leadForm);
		if (!keep && !header.check.errors.length) lines = new ReportLines(cells, input.bytes);
		rows = checkRows(settings, header, {
			logger: node.logger,
			settle:
				lines?.add ?? ((row, status, reason, cells) => kept.push({ row, status, reason, cells })),
		});
	});
	if (!header || !rows) throw new HeaderError(['the file has no header row']);
	const checked = rows.result();
	const warnings = [
		...settleHeader(settings, header, checked.emptyColumnsWithValues),
		...checkUnwritableColumns(settings, checked.unwritableWithValues),
	];

	if (keep) {
		// The run's one pacer again; Requests per Minute is its ceiling.
		const pacer = pacerFor(node, { ceilingPerMinute: settings.requestsPerMinute });
		const references = await checkReferences(node, settings, checked.valid, pacer);
		const written = await writeRows(node, settings, { header, rows: references.kept, pacer });
		warnings.push(...written.warnings);
		lines = keptLines(header.cells, kept, [...references.settled, ...written.settled]);
	}
	return report(settings, {
		lines: lines!,
		total: checked.total,
		blankRows: checked.blankRows,
		warnings,
		startedAt,
	});
}
