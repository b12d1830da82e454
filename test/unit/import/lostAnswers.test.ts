/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// No row lost to an ambiguous failure: a create whose connection drops (before PartnerStack wrote it, or after)
// is settled on the first run by looking the object up by its natural key; never two objects for one row.
// The emulator injects both kinds of drop; the request log proves they happened.
import { DEMO, runImportNode, emulatorWith } from '../../support/node';

const emulator = emulatorWith(DEMO);

const count = <T>(values: T[]) =>
	values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<T, number>());

/** POSTs to `path` the emulator dropped: before serving them, and after (the object was written). */
async function drops(path: string) {
	const posts = (await emulator.requests()).filter(
		(request) => request.method === 'POST' && request.path === path,
	);
	return {
		before: posts.filter((request) => request.fault === 'drop').length,
		after: posts.filter((request) => request.fault === 'dropAfterWrite').length,
	};
}

describe('rowByRow under dropped connections', () => {
	it('300 customers: every row imported exactly once on the first run, whether the drop came before or after the write', async () => {
		const lines = ['customer_key,email,partner_key,name'];
		for (let n = 0; n < 300; n++)
			lines.push(`drop-${n},c${n}@drop.example,${n % 2 ? 'ada' : 'grace'},Customer ${n}`);
		await emulator.faults({ dropRate: 0.05, dropAfterWriteRate: 0.05 });
		const { json, rows } = await runImportNode(emulator, `${lines.join('\n')}\n`, {
			objectType: 'customers',
			mode: 'rowByRow',
		});
		await emulator.faults({ dropRate: 0, dropAfterWriteRate: 0 });

		expect(json).toMatchObject({ total: 300, imported: 300, skipped: 0, failed: 0 });
		const dropped = await drops('/api/v2/customers');
		expect(dropped.before).toBeGreaterThanOrEqual(3);
		expect(dropped.after).toBeGreaterThanOrEqual(3);
		// Rows whose answer was lost after the write were found by their key, not created twice.
		expect(
			rows.filter((row) => row.reason.startsWith('created (its answer was lost')).length,
		).toBeGreaterThanOrEqual(dropped.after);

		const stored = (await emulator.state<{ customer_key: string }>('customers'))
			.map((customer) => customer.customer_key)
			.filter((key) => key.startsWith('drop-'));
		expect(stored).toHaveLength(300);
		expect([...count(stored).values()].every((times) => times === 1)).toBe(true);
	}, 120_000);

	it('partners, deals, leads and rewards whose answer is lost after the write are found, not created twice', async () => {
		const cases = [
			{
				objectType: 'partners',
				path: '/api/v2/partnerships',
				csv: 'partner_first,partner_last,partner_email\nNo,Key,nokey@drop.example\n',
				collection: 'partnerships',
				mine: (o: Record<string, unknown>) => o.email === 'nokey@drop.example',
			},
			{
				objectType: 'deals',
				path: '/api/v2/deals',
				csv: 'amount_in_cents,close_date,external_key,stage\n100,2027-01-01,drop-deal,New\n',
				collection: 'deals',
				mine: (o: Record<string, unknown>) => o.external_key === 'drop-deal',
				groupKey: 'grup_Resellers00001',
			},
			{
				objectType: 'leads',
				path: '/api/v2/leads',
				csv: 'partner_key,email,first_name,last_name,status\ngrace,drop@lead.example,D,L,open\n',
				collection: 'leads',
				mine: (o: Record<string, unknown>) => o.external_key === 'drop@lead.example',
				groupKey: 'grup_Affiliates0001',
			},
			{
				objectType: 'rewards',
				path: '/api/v2/rewards',
				csv: 'partner_key,amount_in_cents,body,created_at\nada,777,Drop bonus,2021-01-05\n',
				collection: 'rewards',
				mine: (o: Record<string, unknown>) => o.description === 'Drop bonus',
			},
		];
		for (const { objectType, path, csv, collection, mine, groupKey } of cases) {
			await emulator.clearRequests();
			// The reads before the create are served (lead form, partner lookups, stages, what exists), then the
			// create is written and its answer dropped.
			const requestsBefore = { partners: 1, deals: 2, leads: 3, rewards: 2 }[objectType]!;
			await emulator.faults({
				script: [...Array.from({ length: requestsBefore }, () => ({})), { dropAfterWrite: true }],
			});
			const { rows } = await runImportNode(emulator, csv, {
				objectType,
				mode: 'rowByRow',
				groupKey,
			});
			expect([objectType, rows.map((row) => row.status)]).toEqual([objectType, ['imported']]);
			expect([objectType, (await drops(path)).after]).toEqual([objectType, 1]);
			expect([objectType, rows[0].reason]).toEqual([
				objectType,
				expect.stringMatching(/^created \(its answer was lost; found by/),
			]);
			expect([
				objectType,
				(await emulator.state<Record<string, unknown>>(collection)).filter(mine),
			]).toEqual([objectType, [expect.anything()]]);
		}
	});

	it('a drop before the write: the lookup finds nothing, the create is sent again, once', async () => {
		await emulator.faults({ script: [{}, {}, { drop: true }] });
		const { rows } = await runImportNode(
			emulator,
			'customer_key,email,partner_key\nonce-1,once@x.example,ada\n',
			{ objectType: 'customers', mode: 'rowByRow' },
		);
		expect(rows.map((row) => [row.status, row.reason])).toEqual([['imported', 'created']]);
		const log = (await emulator.requests()).filter(
			(request) =>
				request.path.startsWith('/api/v2/customers/once-1') ||
				(request.method === 'POST' && request.path === '/api/v2/customers'),
		);
		expect(
			log.map((request) => [request.method, request.fault ?? null, request.status ?? null]),
		).toEqual([
			['POST', 'drop', null],
			['GET', null, 404],
			['POST', null, 200],
		]);
	});
});
