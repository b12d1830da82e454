import { loadOptions } from '../../../nodes/PartnerStack/methods';
import { credentialsFor, loadOptionsContext } from '../../support/engine';
import { KEYS } from '../../support/emulator';
import { DEMO, locator, runNode, runNodeError, startEmulator } from '../../support/node';

const emulator = startEmulator();

const TIERS = {
	...DEMO,
	tiers: [
		{ key: 'tier_Gold', name: 'Gold', position: 2 },
		{ key: 'tier_Silver', name: 'Silver', position: 1 },
	],
};

beforeEach(async () => {
	await emulator.reset(TIERS);
});

describe('tier', () => {
	it('getAll: lists the tiers, simplified', async () => {
		const items = await runNode(emulator, {
			resource: 'tier',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(items.map((item) => item.json)).toEqual([
			{
				key: 'tier_Silver',
				name: 'Silver',
				created_at: expect.any(Number),
				updated_at: expect.any(Number),
			},
			{
				key: 'tier_Gold',
				name: 'Gold',
				created_at: expect.any(Number),
				updated_at: expect.any(Number),
			},
		]);
	});

	it('getAll: wrong keys are a 401 with the API message', async () => {
		const error = await runNodeError(
			emulator,
			{ resource: 'tier', operation: 'getAll', returnAll: true, filters: {} },
			{ keys: { publicKey: 'pk_live_emulator', secretKey: 'wrong' } },
		);
		expect(error.httpCode).toBe('401');
	});

	it('the tier picker offers every tier by position, its value the tier key', async () => {
		const context = loadOptionsContext({
			credentials: credentialsFor(emulator.url, KEYS.production),
			parameters: {},
		});
		const options = await loadOptions.getTiers.call(context as never);
		expect(options).toEqual([
			{ name: 'Silver', value: 'tier_Silver' },
			{ name: 'Gold', value: 'tier_Gold' },
		]);
	});
});

describe('partnership tier', () => {
	it('create sends additionalFields.tierKey as tier_key; the output names the tier', async () => {
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'create',
			email: 'tiered@example.com',
			additionalFields: { tierKey: 'tier_Gold' },
		});
		expect(item.json).toMatchObject({
			email: 'tiered@example.com',
			tier_key: 'tier_Gold',
			tier_name: 'Gold',
		});
		expect((await emulator.requests()).find((r) => r.method === 'POST')!.body).toMatchObject({
			tier_key: 'tier_Gold',
		});
	});

	it('update sends updateFields.tierKey; an unknown tier is refused with the API message', async () => {
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'update',
			key: locator('ada'),
			updateFields: { tierKey: 'tier_Silver' },
		});
		expect(item.json).toMatchObject({
			partner_key: 'ada',
			tier_key: 'tier_Silver',
			tier_name: 'Silver',
		});
		const error = await runNodeError(emulator, {
			resource: 'partnership',
			operation: 'update',
			key: locator('ada'),
			updateFields: { tierKey: 'tier_Nope' },
		});
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('tier_key tier_Nope does not match any tier');
	});

	it('upsert sets the tier of an existing partner and adds the missing tags, keeping the others', async () => {
		await emulator.clearRequests();
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'upsert',
			email: 'ada@example.com',
			partnerKey: 'ada',
			additionalFields: { tierKey: 'tier_Gold', tags: 'gold, onboarded' },
		});
		expect(item.json).toMatchObject({
			partner_key: 'ada',
			tier_key: 'tier_Gold',
			tags: ['gold', 'onboarded'],
			upsertResult: 'updated',
		});
		const writes = (await emulator.requests()).filter((r) => r.method === 'PATCH');
		expect(writes.map((r) => [r.path, r.body])).toEqual([
			['/api/v2/partnerships/part_Ada', { tier_key: 'tier_Gold' }],
			['/api/v2/partnerships/part_Ada/tags', { add: ['onboarded'], remove: [] }],
		]);
	});

	it('upsert with tags the partner already has sends no tags request', async () => {
		await emulator.clearRequests();
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'upsert',
			email: 'ada@example.com',
			partnerKey: 'ada',
			additionalFields: { tags: 'gold' },
		});
		expect(item.json).toMatchObject({ tags: ['gold'], upsertResult: 'updated' });
		expect((await emulator.requests()).filter((r) => r.method !== 'GET')).toEqual([]);
	});
});
