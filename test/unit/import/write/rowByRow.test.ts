/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// The write stage (import/stages/write.ts), Row by Row: each row through API v2 (import/writers.ts) against the
// emulator, with the faults it injects: every row ends imported, skipped or failed, nothing is lost, and a re-run
// duplicates nothing.
import { DEMO, runImportNode, emulatorWith } from '../../../support/node';
import { customersCsv, rowsAccountedFor as sum, writesTo } from '../support';

const emulator = emulatorWith(DEMO);

const writes = writesTo(emulator);

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
});
