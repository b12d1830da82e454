// The header stage (import/stages/header.ts): missing, unknown, duplicate and empty headers, through the import
// node in validate mode (no writes).
import { DEMO, runImportNode, startEmulator } from '../../support/node';
import { CUSTOMERS, importErrors, rowExpectations } from './support';

const emulator = startEmulator();
beforeAll(async () => {
	await emulator.reset(DEMO);
});
const expectRows = rowExpectations(emulator);

describe('headers', () => {
	const stop = importErrors(emulator);

	it('are matched case-insensitively after trimming', async () => {
		await expectRows(
			'partners',
			' Partner_First ,PARTNER_LAST,partner_email,Tags\nA,B,a@b.co,x\n',
			[['valid']],
		);
	});

	it('missing, unknown and duplicate headers are reported together and stop the import', async () => {
		const message = await stop(
			'customers',
			'customer_key,EMAIL,email,colour\nc1,a@b.co,a@b.co,red\n',
		);
		expect(message).toMatch(/duplicate header "email" \(columns 2 and 3\)/);
		expect(message).toMatch(
			/unknown header "colour"; .*allowed headers: customer_key, email, partner_key/,
		);
		expect(message).toMatch(/missing required header: partner_key/);
	});

	it('a one-of pair with neither header present is a header error naming both', async () => {
		expect(await stop('transactions', 'customer_key\nacme\n')).toMatch(
			/one of amount_in_cents or amount_in_dollars/,
		);
	});

	it('unknown columns become warnings with Ignore Unknown Columns, and stay in the report', async () => {
		const { json, header, rows } = await runImportNode(
			emulator,
			`${CUSTOMERS},colour\nc1,a@b.co,ada,=red\n`,
			{ objectType: 'customers', options: { ignoreUnknownColumns: true } },
		);
		expect(json.warnings).toEqual(['unknown column "colour" ignored']);
		expect(header).toEqual([
			'row',
			'status',
			'reason',
			'customer_key',
			'email',
			'partner_key',
			'colour',
		]);
		expect(rows[0].cells[3]).toBe("'=red");
	});

	it('an empty header cell is an error only when a row has a value below it', async () => {
		await expectRows('customers', `${CUSTOMERS},\nc1,a@b.co,ada,\n`, [['valid']]);
		expect(await stop('customers', `${CUSTOMERS},\nc1,a@b.co,ada,x\n`)).toMatch(
			/column 4 has no header/,
		);
	});

	it('an empty header over values joins the other header problems in one error that names the allowed headers', async () => {
		const message = await stop('customers', 'customer_key,email,,colour\nc1,a@b.co,x,red\n');
		expect(message).toMatch(
			/^The CSV header has 4 problems: unknown header "colour"; missing required header: partner_key; column 3 has no header; allowed headers: customer_key, email, partner_key, name/,
		);
		// Alone, it still names the allowed headers.
		expect(await stop('customers', `${CUSTOMERS},\nc1,a@b.co,ada,x\n`)).toMatch(
			/column 4 has no header; allowed headers: customer_key/,
		);
	});

	it('Ignore Unknown Columns covers an empty header over values: a warning naming the column, the rows go on', async () => {
		const { json, rows } = await runImportNode(
			emulator,
			`${CUSTOMERS},,colour\nc1,a@b.co,ada,x,red\n`,
			{ objectType: 'customers', options: { ignoreUnknownColumns: true } },
		);
		expect(json.warnings).toEqual([
			'unknown column "colour" ignored',
			'column 4 has no header: ignored',
		]);
		expect(rows.map((r) => r.status)).toEqual(['valid']);
		expect(rows[0].cells).toEqual(['c1', 'a@b.co', 'ada', 'x', 'red']);
	});
});
