/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// The write stage (import/stages/write.ts) before any request: Row by Row writes every validated cell or says so
// first: a column API v2 cannot carry stops the import, or is skipped with a warning; Bulk writes it.
import { DEMO, DEMO_TIERS, runImportNode, startEmulator } from '../../../support/node';

const emulator = startEmulator();
beforeEach(async () => {
	await emulator.reset({ ...DEMO, tiers: DEMO_TIERS });
});

const PARTNERS =
	'partner_first,partner_last,partner_email,partner_key,partner_phone_number,shipping_address_city,partner_joined_date';
const writes = async () =>
	(await emulator.requests()).filter((request) => request.method !== 'GET');

describe('unwritable columns (row by row)', () => {
	it('stop (the default): nothing is sent, and the error names every such column with values and suggests bulk', async () => {
		await emulator.clearRequests();
		const { json } = await runImportNode(
			emulator,
			`${PARTNERS}\nNew,One,n1@x.example,n1,555 0100,Toronto,\nNew,Two,n2@x.example,n2,,,2020-01-02\n`,
			{ objectType: 'partners', mode: 'rowByRow' },
			{ continueOnFail: true },
		);
		expect(json.error).toMatch(
			/^Row by Row cannot write these 3 columns, which have values: partner_joined_date \(.*\), partner_phone_number \(API v2 has no field for it\), shipping_address_city \(API v2 has no field for it\)\. Nothing was written\. Use the mode Bulk/,
		);
		expect(await emulator.requests()).toEqual([]);
	});

	it('stop names only columns with values: an empty unwritable column (as in the template) is no reason to stop', async () => {
		const { json, rows } = await runImportNode(
			emulator,
			`${PARTNERS}\nNew,One,n1@x.example,n1,,,\n`,
			{ objectType: 'partners', mode: 'rowByRow' },
		);
		expect(rows.map((row) => row.status)).toEqual(['imported']);
		expect(json.warnings).toEqual([]);
	});

	it('a value only in a skipped row does not stop the import', async () => {
		const { rows } = await runImportNode(
			emulator,
			`${PARTNERS}\nNew,One,n1@x.example,n1,,,\nBad,Row,not-an-email,n2,555,,\n`,
			{ objectType: 'partners', mode: 'rowByRow' },
		);
		expect(rows.map((row) => row.status)).toEqual(['imported', 'skipped']);
	});

	it('skip: the other columns are imported and the summary names each skipped column', async () => {
		const { json, rows } = await runImportNode(
			emulator,
			`${PARTNERS}\nNew,One,n1@x.example,n1,555 0100,Toronto,\n`,
			{ objectType: 'partners', mode: 'rowByRow', options: { unwritableColumns: 'skip' } },
		);
		expect(rows.map((row) => [row.status, row.reason])).toEqual([['imported', 'created']]);
		expect(json.warnings).toEqual([
			'column partner_phone_number (API v2 has no field for it) not written: Unwritable Columns is set to skip',
			'column shipping_address_city (API v2 has no field for it) not written: Unwritable Columns is set to skip',
		]);
		const [created] = await writes();
		expect(created.body).toEqual({
			first_name: 'New',
			last_name: 'One',
			email: 'n1@x.example',
			partner_key: 'n1',
		});
	});

	it('bulk writes them (the Data Import API takes every column); a dry run warns before the user picks a mode', async () => {
		const csv = `${PARTNERS}\nNew,One,n1@x.example,n1,555 0100,,\n`;
		expect(
			(await runImportNode(emulator, csv, { objectType: 'partners', mode: 'bulk' })).json,
		).toMatchObject({ imported: 1, warnings: [] });
		const dryRun = await runImportNode(emulator, csv, { objectType: 'partners', mode: 'validate' });
		expect(dryRun.json.warnings).toEqual([
			'Row by Row cannot write these columns, Bulk can: partner_phone_number (API v2 has no field for it)',
		]);
	});

	it('rewards decline_reason / is_external and deals created_at are unwritable too', async () => {
		const rewards = await runImportNode(
			emulator,
			'partner_key,amount_in_cents,body,decline_reason,is_external\nada,100,B,Oops,false\n',
			{ objectType: 'rewards', mode: 'rowByRow' },
			{ continueOnFail: true },
		);
		expect(rewards.json.error).toMatch(/decline_reason .*is_external /);
		const deals = await runImportNode(
			emulator,
			'amount_in_cents,close_date,external_key,stage,created_at\n1,2026-01-01,d1,New,2020-01-01\n',
			{ objectType: 'deals', mode: 'rowByRow', groupKey: 'grup_Resellers00001' },
			{ continueOnFail: true },
		);
		expect(deals.json.error).toMatch(/these|this column.*created_at \(API v2 has no field for it/);
	});
});
