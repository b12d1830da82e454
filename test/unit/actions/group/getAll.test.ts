import { DEMO, emulatorWith, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('group getAll', () => {
	it('lists every group, simplified', async () => {
		const groups = await runNode(emulator, {
			resource: 'group',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(groups.map((g) => g.json.name).sort()).toEqual(['Affiliates', 'Default', 'Resellers']);
		expect(Object.keys(groups[0].json).sort()).toEqual([
			'archived',
			'created_at',
			'default',
			'key',
			'name',
			'slug',
		]);
	});
});
