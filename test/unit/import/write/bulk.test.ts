/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// The write stage (import/stages/write.ts), Bulk: the valid rows as one CSV upload to the Data Import API
// (transport/upload.ts), against the emulator.
import { DEMO, runImportNode, emulatorWith } from '../../../support/node';
import { customersCsv, rowsAccountedFor as sum, writesTo } from '../support';

const emulator = emulatorWith(DEMO);

const writes = writesTo(emulator);

describe('bulk', () => {
	it('uploads only the valid rows as one CSV to the Data Import API', async () => {
		const csv = `${customersCsv(3)}bad,nope,ada,,\n`;
		const { json, rows } = await runImportNode(emulator, csv, {
			objectType: 'customers',
			mode: 'bulk',
		});
		expect(json).toMatchObject({ total: 4, imported: 3, skipped: 1, failed: 0 });
		expect(rows[0].reason).toMatch(
			/^uploaded to the Data Import API: File customers\.csv uploaded successfully/,
		);
		const { imports } = await emulator.admin<{
			imports: Array<{ type: string; rows: number; content: string }>;
		}>('GET', '/imports');
		expect(imports).toHaveLength(1);
		expect(imports[0]).toMatchObject({ type: 'customers', rows: 3 });
		expect(imports[0].content).not.toContain('nope');
	});

	it('fills derived keys into a transactions upload, so the upload can be repeated safely', async () => {
		await runImportNode(emulator, 'customer_key,amount_in_cents\nacme,100\nacme,100\n', {
			objectType: 'transactions',
			mode: 'bulk',
		});
		const { imports } = await emulator.admin<{ imports: Array<{ content: string }> }>(
			'GET',
			'/imports',
		);
		const lines = imports[0].content.trim().split(/\r?\n/);
		expect(lines[0]).toBe('customer_key,amount_in_cents,key');
		expect(lines[1].split(',')[2]).toMatch(/^imp_[0-9a-f]{24}_1$/);
		expect(lines[2].split(',')[2]).toMatch(/_2$/);
	});

	it('leads have no bulk endpoint: row by row, and the summary says so', async () => {
		const { json } = await runImportNode(
			emulator,
			'partner_key,email,first_name,last_name,status\ngrace,b@lead.example,B,C,open\n',
			{ objectType: 'leads', mode: 'bulk', groupKey: 'grup_Affiliates0001' },
		);
		expect(json).toMatchObject({
			imported: 1,
			warnings: ['Leads have no bulk endpoint: imported row by row through API v2'],
		});
	});

	it('a refused upload fails every uploaded row with the API message', async () => {
		// Two partner lookups pass ({} = no fault), then the upload meets 503 until the transport gives up.
		await emulator.faults({
			script: [{}, {}, ...Array.from({ length: 6 }, () => ({ status: 503, retryAfter: 0 }))],
		});
		const { json, rows } = await runImportNode(emulator, customersCsv(2), {
			objectType: 'customers',
			mode: 'bulk',
		});
		expect(sum(json)).toBe(2);
		expect(json.failed).toBe(2);
		expect(rows[0].reason).toBe('Service Unavailable');
	}, 60_000);

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
