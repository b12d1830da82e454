/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// Row by row writes every validated cell or says so before writing: unwritable columns stop or are skipped;
// partner tiers are looked up; a re-import adds the file's tags; references that cannot be checked say so.
import { DEMO, DEMO_TIERS, runImportNode, startEmulator } from '../../support/node';

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

describe('partner tiers and tags', () => {
	it('partner_tier is looked up by name or key and sent as tier_key; an unknown tier skips the row, naming it', async () => {
		const csv =
			'partner_first,partner_last,partner_email,partner_key,partner_tier\nA,One,a1@x.example,a1,gold\nB,Two,b2@x.example,b2,tier_Silver00000001\nC,Three,c3@x.example,c3,Bronze\nAda,L,ada@example.com,ada,Silver\n';
		const { rows } = await runImportNode(emulator, csv, {
			objectType: 'partners',
			mode: 'rowByRow',
		});
		expect(rows.map((row) => [row.status, row.reason])).toEqual([
			['imported', 'created'],
			['imported', 'created'],
			['skipped', 'partner_tier Bronze not found'],
			['imported', 'updated'],
		]);
		const tiers = Object.fromEntries(
			(
				await emulator.state<{ partner_key: string; tier: { key: string } | null }>('partnerships')
			).map((p) => [p.partner_key, p.tier?.key]),
		);
		expect(tiers).toMatchObject({
			a1: 'tier_Gold0000000001',
			b2: 'tier_Silver00000001',
			ada: 'tier_Silver00000001',
		});
		expect(tiers.c3).toBeUndefined();
		// A dry run with references checks tiers too, and reads the tier list once.
		await emulator.clearRequests();
		const dry = await runImportNode(emulator, csv, {
			objectType: 'partners',
			options: { checkReferences: true },
		});
		expect(dry.rows.map((row) => row.status)).toEqual(['valid', 'valid', 'skipped', 'valid']);
		expect(
			(await emulator.requests()).filter((request) => request.path === '/api/v2/tiers'),
		).toHaveLength(1);
	});

	it("a re-import adds the tags the partnership lacks (it keeps the others): it ends with at least the file's tags", async () => {
		const csv =
			'partner_first,partner_last,partner_email,partner_key,tags\nAda,L,ada@example.com,ada,"gold, vip, emea"\nGrace,H,grace@example.com,grace,\n';
		await emulator.clearRequests();
		const { rows } = await runImportNode(emulator, csv, {
			objectType: 'partners',
			mode: 'rowByRow',
			options: { concurrency: 1 },
		});
		expect(rows.map((row) => row.reason)).toEqual(['updated; tags added: vip, emea', 'updated']);
		const tagCalls = (await writes()).filter((request) => request.path.endsWith('/tags'));
		expect(tagCalls).toEqual([
			expect.objectContaining({
				method: 'PATCH',
				path: '/api/v2/partnerships/part_Ada/tags',
				body: { add: ['vip', 'emea'] },
			}),
		]);
		const ada = (
			await emulator.state<{ partner_key: string; tags: string[] }>('partnerships')
		).find((p) => p.partner_key === 'ada');
		expect(ada!.tags).toEqual(['gold', 'vip', 'emea']);
		// Nothing missing on a second run: no tags call.
		await emulator.clearRequests();
		expect(
			(await runImportNode(emulator, csv, { objectType: 'partners', mode: 'rowByRow' })).rows[0]
				.reason,
		).toBe('updated');
		expect((await writes()).filter((request) => request.path.endsWith('/tags'))).toEqual([]);
	});

	it('a partner matched by email keeps its partner key, and the reason says so', async () => {
		const { rows } = await runImportNode(
			emulator,
			'partner_first,partner_last,partner_email,partner_key\nAda,L,ada@example.com,ada-new\n',
			{ objectType: 'partners', mode: 'rowByRow' },
		);
		expect(rows[0]).toMatchObject({
			status: 'imported',
			reason: 'updated; partner_key stays ada (matched by email)',
		});
	});

	it('the invite flag has one name in both modes', async () => {
		const csv = 'partner_first,partner_last,partner_email\nNew,One,n1@x.example\n';
		await runImportNode(emulator, csv, {
			objectType: 'partners',
			mode: 'rowByRow',
			options: { sendInviteEmails: true },
		});
		const [created] = await writes();
		expect(created.body).toMatchObject({ send_invite_emails: true });
		await runImportNode(emulator, csv.replace(/n1@/, 'n2@'), {
			objectType: 'partners',
			mode: 'bulk',
			options: { sendInviteEmails: true },
		});
		const { imports } = await emulator.admin<{
			imports: Array<{ fields: Record<string, string> }>;
		}>('GET', '/imports');
		expect(imports.map((upload) => upload.fields)).toEqual([{ send_invite_emails: 'true' }]);
	});
});

describe('customers and deals', () => {
	it('a customer update that would move it to another partner says the partner stays', async () => {
		const { rows } = await runImportNode(
			emulator,
			'customer_key,email,partner_key\nacme,billing@acme.example,grace\n',
			{ objectType: 'customers', mode: 'rowByRow' },
		);
		expect(rows[0]).toMatchObject({
			status: 'imported',
			reason: "updated; partner_key stays ada (API v2 cannot change a customer's partner)",
		});
	});

	it('deal contact names may be 255 characters (only partner and lead names stop at 50)', async () => {
		const long = 'x'.repeat(255);
		const csv = `amount_in_cents,close_date,external_key,stage,contact_first_name,contact_last_name\n1,2026-01-01,d1,New,${long},${long}\n2,2026-01-01,d2,New,${long}x,\n`;
		const { rows } = await runImportNode(emulator, csv, {
			objectType: 'deals',
			groupKey: 'grup_Resellers00001',
		});
		expect(rows.map((row) => [row.status, row.reason])).toEqual([
			['valid', ''],
			['skipped', 'contact_first_name is longer than 255 characters'],
		]);
	});
});

describe('references', () => {
	it('a reward for a transaction that does not exist is skipped, naming its key; the transaction list is read once', async () => {
		await emulator.api('POST', '/api/v2/transactions', {
			customer_external_key: 'acme',
			amount: 100,
			currency: 'USD',
			key: 'txn-real',
		});
		await emulator.clearRequests();
		const csv =
			'partner_key,amount_in_cents,body,target_type,target_key\nada,1,A,transaction,txn-real\nada,2,B,transaction,txn-ghost\nada,3,C,transaction,txn-ghost\n';
		const dry = await runImportNode(emulator, csv, {
			objectType: 'rewards',
			options: { checkReferences: true },
		});
		expect(dry.rows.map((row) => [row.status, row.reason])).toEqual([
			['valid', ''],
			['skipped', 'transaction txn-ghost not found'],
			['skipped', 'transaction txn-ghost not found'],
		]);
		expect(dry.json.warnings).toEqual([]);
		expect(
			(await emulator.requests()).filter((request) => request.path === '/api/v2/transactions'),
		).toHaveLength(1);
		const written = await runImportNode(emulator, csv, { objectType: 'rewards', mode: 'rowByRow' });
		expect(written.json).toMatchObject({ imported: 1, skipped: 2, failed: 0 });
	});

	it('a dry run whose reference check cannot reach PartnerStack fails the item with that error, no row is marked failed', async () => {
		await emulator.faults({ errorRate: 1, errorStatuses: [503] });
		const { json } = await runImportNode(
			emulator,
			'customer_key,email,partner_key\nc1,a@b.co,ada\n',
			{ objectType: 'customers', options: { checkReferences: true } },
			{ continueOnFail: true },
		);
		expect(json).toEqual({
			error:
				'Checking references in PartnerStack failed: looking up partner_key ada failed: Service Unavailable',
		});
	}, 60_000);
});
