// The read stage (import/stages/read.ts): bytes to rows. Malformed files: no crash, one clear error or the right
// report (docs/import-rules.md#parsing and #fine-print-parsing).
import { runImportNode, startEmulator } from '../../support/node';

const emulator = startEmulator();
const HEADER = 'customer_key,email,partner_key';
const run = (csv: string | Buffer, options = {}) =>
	runImportNode(emulator, csv, { objectType: 'customers', options }, { continueOnFail: true });

it('reads a BOM, CRLF and CR line ends', async () => {
	for (const csv of [
		`\uFEFF${HEADER}\r\nc1,a@b.co,ada\r\n`,
		`${HEADER}\rc1,a@b.co,ada\rc2,b@b.co,ada`,
	]) {
		const { json, rows } = await run(csv);
		expect(json.error).toBeUndefined();
		expect(rows.every((r) => r.status === 'valid')).toBe(true);
	}
});

it('reads ; and tab and | when chosen, and sniffs them with auto (comma on a tie)', async () => {
	expect(
		(await run(`customer_key;email;partner_key\nc1;a@b.co;ada\n`, { delimiter: ';' })).rows[0]
			.status,
	).toBe('valid');
	expect(
		(await run(`customer_key\temail\tpartner_key\nc1\ta@b.co\tada\n`, { delimiter: '\t' })).rows[0]
			.status,
	).toBe('valid');
	expect(
		(await run(`customer_key|email|partner_key\nc1|a@b.co|ada\n`, { delimiter: 'auto' })).rows[0]
			.status,
	).toBe('valid');
	expect(
		(await run(`customer_key;email;partner_key\nc1;a@b.co;ada\n`, { delimiter: 'auto' })).rows[0]
			.status,
	).toBe('valid');
	const comma = await run(`${HEADER}\nc1,a@b.co,ada\n`, { delimiter: 'auto' });
	expect(comma.rows[0].status).toBe('valid');
});

it('keeps quoted newlines in a cell and numbers rows by record', async () => {
	const { rows } = await run(`${HEADER},name\nc1,a@b.co,ada,"two\nlines"\nc2,b@b.co,ada,x\n`);
	expect(rows.map((r) => [r.row, r.status])).toEqual([
		[2, 'valid'],
		[3, 'valid'],
	]);
	expect(rows[0].cells[3]).toBe('two\nlines');
});

it('skips the row where an unclosed quote opens, with the parser reason; rows before it are processed', async () => {
	const { json, rows } = await run(`${HEADER}\nc1,a@b.co,ada\nc2,"b@b.co,ada\nc3,c@b.co,ada\n`);
	expect(rows.map((r) => [r.row, r.status])).toEqual([
		[2, 'valid'],
		[3, 'skipped'],
	]);
	expect(rows[1].reason).toMatch(/^not valid CSV: Quote Not Closed/);
	expect(json.total).toBe(2);
});

it.each([
	['an empty file', ''],
	['only a BOM', '\uFEFF'],
	['only line breaks', '\n\n\r\n'],
	['a first line that is empty', `\n${HEADER}\nc1,a@b.co,ada\n`],
])('fails with one clear error on %s', async (_name, csv) => {
	const { json } = await run(csv);
	expect(json.error).toMatch(/empty or has no header row/);
});

it('names UTF-8 for a file in another encoding', async () => {
	const latin1 = Buffer.concat([
		Buffer.from(`${HEADER},name\nc1,a@b.co,ada,Jos`),
		Buffer.from([0xe9]),
		Buffer.from('\n'),
	]);
	expect((await run(latin1)).json.error).toMatch(/not valid UTF-8/);
	// A lone 0xFF (not a byte order mark) is not UTF-8 either.
	expect((await run(Buffer.from([0x63, 0xff, 0x0a]))).json.error).toMatch(/UTF-8/);
});

it('refuses binary content', async () => {
	expect((await run(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14]))).json.error).toMatch(
		/not UTF-8 text.*binary/,
	);
});

it('names UTF-8 for UTF-16 files, with or without a byte order mark', async () => {
	const text = `${HEADER}\nc1,a@b.co,ada\n`;
	const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
	const bigEndian = Buffer.concat([
		Buffer.from([0xfe, 0xff]),
		Buffer.from(text, 'utf16le').swap16(),
	]);
	expect((await run(withBom)).json.error).toMatch(/UTF-16.*save it as CSV UTF-8/);
	expect((await run(bigEndian)).json.error).toMatch(/UTF-16.*save it as CSV UTF-8/);
	expect((await run(Buffer.from(text, 'utf16le'))).json.error).toMatch(
		/not UTF-8 text.*UTF-16.*save it as CSV UTF-8/,
	);
});

it('copes with a 1 MB single cell (skipped for length, reported whole)', async () => {
	const big = 'x'.repeat(1024 * 1024);
	const { rows } = await run(`${HEADER},name\nc1,a@b.co,ada,${big}\n`);
	expect(rows[0]).toMatchObject({
		status: 'skipped',
		reason: 'name is longer than 100 characters',
	});
	expect(rows[0].cells[3]).toHaveLength(big.length);
});
