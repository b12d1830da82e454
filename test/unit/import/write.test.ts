/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// rowByRow and bulk against the emulator, with the faults it injects: every row ends imported, skipped or
// failed, nothing is lost, and a re-run duplicates nothing.
import { DEMO, runImportNode, startEmulator } from '../../support/node';

const emulator = startEmulator();
beforeEach(async () => {
	await emulator.reset(DEMO);
});

const sum = (json: Record<string, unknown>) =>
	Number(json.imported) + Number(json.skipped) + Number(json.failed);

function customersCsv(count: number, start = 0) {
	const lines = ['customer_key,email,partner_key,name,company_name'];
	for (let n = start; n < start + count; n++)
		lines.push(`k${n},c${n}@x.example,${n % 2 ? 'ada' : 'grace'},Customer ${n},Co ${n}`);
	return `${lines.join('\n')}\n`;
}

describe('rowByRow', () => {
	it('creates, then a re-run updates: no duplicate, every row accounted for', async () => {
		const csv = `${customersCsv(20)}bad,not-an-email,ada,,\nk99,ok@x.example,nobody,,\n`;
		const first = await runImportNode(emulator, csv, { objectType: 'customers', mode: 'rowByRow' });
		expect(first.json).toMatchObject({ total: 22, imported: 20, skipped: 2, failed: 0 });
		expect(first.rows.at(-1)).toMatchObject({
			status: 'skipped',
			reason: 'partner nobody not found',
		});
		expect(
			first.rows.filter((r) => r.status === 'imported').every((r) => r.reason === 'created'),
		).toBe(true);
		expect(await emulator.state('customers')).toHaveLength(21);
		const acme = (await emulator.state<{ customer_key: string; meta: object }>('customers')).find(
			(c) => c.customer_key === 'k1',
		);
		expect(acme!.meta).toEqual({ company_name: 'Co 1' });

		const second = await runImportNode(emulator, csv, {
			objectType: 'customers',
			mode: 'rowByRow',
		});
		expect(second.json).toMatchObject({ imported: 20, skipped: 2, failed: 0 });
		expect(
			second.rows.filter((r) => r.status === 'imported').every((r) => r.reason === 'updated'),
		).toBe(true);
		expect(await emulator.state('customers')).toHaveLength(21);
	});

	it('transactions survive 429 bursts, 503s and a dropped connection; a re-run writes nothing twice', async () => {
		const csv =
			'customer_key,amount_in_dollars,currency,key\nacme,10.10,usd,txn-1\nacme,-2.50,USD,txn-2\nacme,3,CAD,\nacme,3,CAD,\nghost,1,USD,txn-5\n';
		await emulator.faults({
			script: [
				{ status: 429, retryAfter: 0 },
				{ status: 429 },
				{ status: 503 },
				{ drop: true },
				{ status: 502 },
				{ status: 429, retryAfter: 1 },
			],
		});
		const first = await runImportNode(emulator, csv, {
			objectType: 'transactions',
			mode: 'rowByRow',
			options: { concurrency: 2 },
		});
		expect(first.rows.map((r) => [r.status, r.reason])).toEqual([
			['imported', 'created'],
			['imported', 'created'],
			['imported', 'created'],
			['imported', 'created'],
			['skipped', 'customer ghost not found'],
		]);
		expect(first.json).toMatchObject({ total: 5, imported: 4, skipped: 1, failed: 0 });
		const stored = await emulator.state<{ key: string; amount: number; currency: string }>(
			'transactions',
		);
		expect(stored).toHaveLength(4);
		expect(stored.find((t) => t.key === 'txn-1')).toMatchObject({ amount: 1010, currency: 'USD' });
		expect(stored.find((t) => t.key === 'txn-2')).toMatchObject({ amount: -250 });
		expect(stored.filter((t) => t.key.startsWith('imp_'))).toHaveLength(2);

		const again = await runImportNode(emulator, csv, {
			objectType: 'transactions',
			mode: 'rowByRow',
		});
		expect(again.json).toMatchObject({ imported: 4, skipped: 1, failed: 0 });
		expect(again.rows.slice(0, 4).every((r) => r.reason.startsWith('already imported'))).toBe(true);
		expect(await emulator.state('transactions')).toHaveLength(4);
	}, 60_000);

	it('a row the API keeps refusing fails with its message; a re-run completes it without duplicating the rest', async () => {
		const csv = customersCsv(4);
		await emulator.faults({ errorRate: 1, errorStatuses: [500] });
		// Lookups fail first: every row then fails (with the reason) rather than disappearing.
		const broken = await runImportNode(emulator, csv, {
			objectType: 'customers',
			mode: 'rowByRow',
			options: { concurrency: 4 },
		});
		expect(sum(broken.json)).toBe(4);
		expect(broken.json.failed).toBe(4);
		expect(broken.rows[0].reason).toMatch(/Internal Server Error/);
		await emulator.faults({ errorRate: 0 });
		const healed = await runImportNode(emulator, csv, {
			objectType: 'customers',
			mode: 'rowByRow',
		});
		expect(healed.json).toMatchObject({ imported: 4, failed: 0 });
		expect((await emulator.state('customers')).length).toBe(DEMO.customers.length + 4);
	}, 120_000);

	it('partners: group by name, invites off by default, update on re-run', async () => {
		const csv =
			'partner_first,partner_last,partner_email,partner_group,partner_key,tags\nNew,One,n1@x.example,Affiliates,n1,"a, b"\nAda,L,ada@example.com,resellers,ada,\nX,Y,x@x.example,Nowhere,,\n';
		const { json, rows } = await runImportNode(emulator, csv, {
			objectType: 'partners',
			mode: 'rowByRow',
		});
		expect(rows.map((r) => [r.status, r.reason])).toEqual([
			['imported', 'created'],
			['imported', 'updated'],
			['skipped', 'partner_group Nowhere not found'],
		]);
		expect(json.imported).toBe(2);
		const created = (await emulator.requests()).find(
			(r) => r.method === 'POST' && r.path === '/api/v2/partnerships',
		);
		expect(created!.body).toEqual({
			first_name: 'New',
			last_name: 'One',
			email: 'n1@x.example',
			partner_key: 'n1',
			tags: ['a', 'b'],
			group_key: 'grup_Affiliates0001',
		});
	});

	it('rewards, deals and leads; re-runs do not duplicate', async () => {
		const rewards =
			'partner_key,amount_in_dollars,body,target_type,target_key\nada,10,Launch bonus,,\nada,5,For Acme,customer,acme\n';
		expect(
			(await runImportNode(emulator, rewards, { objectType: 'rewards', mode: 'rowByRow' })).json,
		).toMatchObject({ imported: 2 });
		const rerun = await runImportNode(emulator, rewards, {
			objectType: 'rewards',
			mode: 'rowByRow',
		});
		expect(rerun.rows.map((r) => r.reason)).toEqual([
			expect.stringMatching(/already imported/),
			expect.stringMatching(/already imported/),
		]);
		expect(await emulator.state('rewards')).toHaveLength(2);

		const deals =
			'amount_in_cents,close_date,external_key,stage,partner_key,account_name\n5000,2026-12-01,crm-1,New,ada,Initrode\n7000,2026-12-01,crm-globex,Closed Won,ada,Globex\n';
		const dealRun = await runImportNode(emulator, deals, {
			objectType: 'deals',
			mode: 'rowByRow',
			groupKey: 'grup_Resellers00001',
		});
		expect(dealRun.rows.map((r) => r.reason)).toEqual(['created', 'updated']);
		expect((await emulator.state('deals')).length).toBe(2);

		const leads =
			'partner_key,email,first_name,last_name,status,company_size\ngrace,new@lead.example,Nia,Lee,open,50\n';
		const leadRun = await runImportNode(emulator, leads, {
			objectType: 'leads',
			mode: 'rowByRow',
			groupKey: 'grup_Affiliates0001',
		});
		expect(leadRun.rows[0]).toMatchObject({ status: 'imported', reason: 'created' });
		const lead = (
			await emulator.state<{ external_key: string; meta: Record<string, string> }>('leads')
		).find((l) => l.external_key === 'new@lead.example');
		expect(lead!.meta).toEqual({
			first_name: 'Nia',
			last_name: 'Lee',
			email: 'new@lead.example',
			company_size: '50',
		});
		expect(
			(
				await runImportNode(emulator, leads, {
					objectType: 'leads',
					mode: 'rowByRow',
					groupKey: 'grup_Affiliates0001',
				})
			).rows[0].reason,
		).toBe('updated');
	});
});

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
});
