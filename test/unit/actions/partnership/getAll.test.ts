import { DEMO, emulatorWith, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('partnership getAll', () => {
	it('filters by group', async () => {
		const items = await runNode(emulator, {
			resource: 'partnership',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { group: 'resellers' },
		});
		expect(items.map((i) => i.json.partner_key)).toEqual(['ada']);
	});

	it('respects the limit', async () => {
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

	it('dates become epoch ms', async () => {
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
});
