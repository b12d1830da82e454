// The report stage (import/stages/report.ts): the summary's figures and the report CSV, a line per data row with
// its spreadsheet row number and the cells as read.
import { runImportNode, startEmulator } from '../../support/node';

const emulator = startEmulator();
const HEADER = 'customer_key,email,partner_key';
const run = (csv: string | Buffer, options = {}) =>
	runImportNode(emulator, csv, { objectType: 'customers', options }, { continueOnFail: true });

it('a header alone, or only blank rows, is zero rows', async () => {
	const header = await run(`${HEADER}\n`);
	expect(header.json).toMatchObject({ total: 0, imported: 0, skipped: 0, failed: 0, blankRows: 0 });
	const blanks = await run(`${HEADER}\n\n,,\n  , ,\n`);
	expect(blanks.json).toMatchObject({ total: 0, blankRows: 3 });
	expect(blanks.rows).toEqual([]);
});

it('guards formula-looking cells in the report and keeps cells as read (untrimmed)', async () => {
	const { rows } = await run(
		`${HEADER},name\nc1,a@b.co,ada,=SUM(A1)\nc2,b@b.co,ada,+1\nc3,c@b.co,ada,-1\nc4,d@b.co,ada,@x\nc5,e@b.co,ada,"\tx"\nc6, f@b.co ,ada,plain\n`,
	);
	expect(rows.map((r) => r.cells[3])).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@x", "'\tx", 'plain']);
	expect(rows[5].cells[1]).toBe(' f@b.co ');
	expect(rows[5].status).toBe('valid');
});

it('counts blank rows apart and keeps spreadsheet row numbers', async () => {
	const { json, rows } = await run(`${HEADER}\nc1,a@b.co,ada\n\nc2,b@b.co,ada\n`);
	expect(json).toMatchObject({ total: 2, blankRows: 1 });
	expect(rows.map((r) => r.row)).toEqual([2, 4]);
});
