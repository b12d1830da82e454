/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import { DEMO, locator, runNode, runNodeError, startEmulator } from '../../support/node';

const emulator = startEmulator();
beforeEach(async () => {
	await emulator.reset(DEMO);
});

describe('partnership', () => {
	it('create: adds a partner with group and tags, simplified', async () => {
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'create',
			email: 'new@example.com',
			additionalFields: {
				firstName: 'New',
				lastName: 'Partner',
				groupKey: 'grup_Affiliates0001',
				tags: 'silver, emea ,',
				partnerKey: 'newp',
			},
		});
		expect(item.json).toMatchObject({
			partner_key: 'newp',
			email: 'new@example.com',
			group_key: 'grup_Affiliates0001',
			group_name: 'Affiliates',
			tags: ['silver', 'emea'],
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		const [created] = await emulator.requests().then((r) => r.filter((x) => x.method === 'POST'));
		expect(created.body).toEqual({
			email: 'new@example.com',
			first_name: 'New',
			last_name: 'Partner',
			group_key: 'grup_Affiliates0001',
			tags: ['silver', 'emea'],
			partner_key: 'newp',
		});
	});

	it('create: a duplicate partner key fails with the API message', async () => {
		const error = await runNodeError(emulator, {
			resource: 'partnership',
			operation: 'create',
			email: 'x@example.com',
			additionalFields: { partnerKey: 'ada' },
		});
		expect(error.message).toBe('partner_key ada already exists');
		expect(error.httpCode).toBe('400');
	});

	it('get: by partner key, raw when Simplify is off', async () => {
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'get',
			key: locator('ada'),
			simplify: false,
		});
		expect(item.json).toMatchObject({
			key: 'part_Ada',
			group: { key: 'grup_Resellers00001', name: 'Resellers' },
			m_data: {},
		});
	});

	it('get: an unknown key is a 404 NodeApiError', async () => {
		const error = await runNodeError(emulator, {
			resource: 'partnership',
			operation: 'get',
			key: locator('nobody'),
		});
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('partnership nobody not found');
	});

	it('getAll: filters by group and respects the limit', async () => {
		const items = await runNode(emulator, {
			resource: 'partnership',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { group: 'resellers' },
		});
		expect(items.map((i) => i.json.partner_key)).toEqual(['ada']);
		const limited = await runNode(emulator, {
			resource: 'partnership',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
			filters: {},
		});
		expect(limited).toHaveLength(2);
		expect((await emulator.requests()).at(-1)!.query).toMatchObject({ limit: '2' });
	});

	it('getAll: dates become epoch ms', async () => {
		await emulator.clearRequests();
		await runNode(emulator, {
			resource: 'partnership',
			operation: 'getAll',
			returnAll: true,
			filters: { minCreated: '2026-01-02T03:04:05.000Z', maxUpdated: '2030-01-01T00:00:00.000Z' },
		});
		const [request] = await emulator.requests();
		expect(request.query).toMatchObject({
			min_created: String(Date.UTC(2026, 0, 2, 3, 4, 5)),
			max_updated: String(Date.UTC(2030, 0, 1)),
			limit: '250',
		});
	});

	it('update: moves the partner to another group (by partner key)', async () => {
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'update',
			key: locator('grace'),
			updateFields: { groupKey: 'grup_Resellers00001', managerEmail: 'pm@vendor.example' },
		});
		expect(item.json).toMatchObject({
			partner_key: 'grace',
			group_key: 'grup_Resellers00001',
			manager_email: 'pm@vendor.example',
		});
		expect(
			(await emulator.requests()).some(
				(r) => r.method === 'PATCH' && r.path === '/api/v2/partnerships/part_Grace',
			),
		).toBe(true);
	});

	it('update: an unknown group is refused with the API message', async () => {
		const error = await runNodeError(emulator, {
			resource: 'partnership',
			operation: 'update',
			key: locator('part_Grace'),
			updateFields: { groupKey: 'grup_Nope' },
		});
		expect(error.message).toBe('group_key grup_Nope not found');
	});

	it('delete: archives', async () => {
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'delete',
			key: locator('grace'),
		});
		expect(item.json).toMatchObject({ key: 'part_Grace', deleted: true, archived: true });
		const [grace] = (
			await emulator.state<{ key: string; archived: boolean }>('partnerships')
		).filter((p) => p.key === 'part_Grace');
		expect(grace.archived).toBe(true);
	});

	it('delete: an unknown partner is a 404', async () => {
		expect(
			(
				await runNodeError(emulator, {
					resource: 'partnership',
					operation: 'delete',
					key: locator('part_Nope'),
				})
			).httpCode,
		).toBe('404');
	});

	it('upsert: updates the partner found by key, creates a missing one', async () => {
		const [updated] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'upsert',
			email: 'ada@example.com',
			partnerKey: 'ada',
			additionalFields: { groupKey: 'grup_Affiliates0001' },
		});
		expect(updated.json).toMatchObject({
			partner_key: 'ada',
			group_key: 'grup_Affiliates0001',
			upsertResult: 'updated',
		});
		const [byEmail] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'upsert',
			email: 'grace@example.com',
			partnerKey: '',
			additionalFields: { managerName: 'Pat' },
		});
		expect(byEmail.json).toMatchObject({ partner_key: 'grace', upsertResult: 'updated' });
		const [created] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'upsert',
			email: 'brand@example.com',
			partnerKey: 'brandnew',
			additionalFields: {},
		});
		expect(created.json).toMatchObject({ partner_key: 'brandnew', upsertResult: 'created' });
		expect(await emulator.state('partnerships')).toHaveLength(4);
	});

	it('upsert: a bad email on create fails with the API message', async () => {
		const error = await runNodeError(emulator, {
			resource: 'partnership',
			operation: 'upsert',
			email: 'not-an-email',
			partnerKey: 'zzz',
			additionalFields: {},
		});
		expect(error.message).toMatch(/not a valid email/);
	});

	it('modifyTags: adds and removes', async () => {
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'modifyTags',
			key: locator('ada'),
			tagsToAdd: 'emea, vip',
			tagsToRemove: 'gold',
		});
		expect(item.json.tags).toEqual(['emea', 'vip']);
		const patch = (await emulator.requests()).find((r) => r.path.endsWith('/tags'));
		expect(patch!.body).toEqual({ add: ['emea', 'vip'], remove: ['gold'] });
	});

	it('modifyTags: nothing to change is a clear error', async () => {
		const error = await runNodeError(emulator, {
			resource: 'partnership',
			operation: 'modifyTags',
			key: locator('ada'),
			tagsToAdd: ' , ',
			tagsToRemove: '',
		});
		expect(error.message).toMatch(/at least one tag/);
	});
});
