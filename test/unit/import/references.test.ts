/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// The references stage (import/stages/references.ts): each row's partner, customer, transaction, tier, group and
// deal stage checked against PartnerStack before any write, each distinct key looked up once.
import { DEMO, DEMO_TIERS, runImportNode, startEmulator } from '../../support/node';
import { CUSTOMERS } from './support';

const emulator = startEmulator();
beforeEach(async () => {
	await emulator.reset({ ...DEMO, tiers: DEMO_TIERS });
});

describe('references (checkReferences in a dry run)', () => {
	it('skips rows whose partner or customer is not in PartnerStack, looking each key up once', async () => {
		await emulator.clearRequests();
		const { rows } = await runImportNode(
			emulator,
			'customer_key,amount_in_cents\nacme,1\nghost,2\nacme,3\nghost,4\n',
			{ objectType: 'transactions', options: { checkReferences: true } },
		);
		expect(rows.map((r) => [r.status, r.reason])).toEqual([
			['valid', ''],
			['skipped', 'customer ghost not found'],
			['valid', ''],
			['skipped', 'customer ghost not found'],
		]);
		const lookups = (await emulator.requests()).filter((r) =>
			r.path.startsWith('/api/v2/customers/'),
		);
		expect(lookups.map((r) => r.path).sort()).toEqual([
			'/api/v2/customers/acme',
			'/api/v2/customers/ghost',
		]);
		const partners = await runImportNode(
			emulator,
			`${CUSTOMERS}\nc1,a@b.co,ada\nc2,b@b.co,nobody\n`,
			{ objectType: 'customers', options: { checkReferences: true } },
		);
		expect(partners.rows.map((r) => r.reason)).toEqual(['', 'partner nobody not found']);
	});

	it('checks deal stages against the group, and the lead form', async () => {
		const deals = await runImportNode(
			emulator,
			'amount_in_cents,close_date,external_key,stage\n1,2026-01-01,d1,New\n1,2026-01-01,d2,Imaginary\n',
			{ objectType: 'deals', groupKey: 'grup_Resellers00001', options: { checkReferences: true } },
		);
		expect(deals.rows.map((r) => r.reason)).toEqual([
			'',
			'stage Imaginary is not a deal stage of the group',
		]);
	});

	it('without checkReferences a dry run makes no API call', async () => {
		await emulator.clearRequests();
		await runImportNode(emulator, 'customer_key,amount_in_cents\nghost,1\n', {
			objectType: 'transactions',
		});
		expect(await emulator.requests()).toEqual([]);
	});
});

describe('partner tiers', () => {
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
