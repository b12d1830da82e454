import { DEMO, emulatorWith, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('action getAll', () => {
	it('filters by action type', async () => {
		const [action] = await runNode(emulator, {
			resource: 'action',
			operation: 'create',
			targetType: 'partnership',
			targetKey: 'ada',
			type: 'webinar_attended',
			value: 2,
			additionalFields: { externalKey: 'evt-1' },
		});
		const listed = await runNode(emulator, {
			resource: 'action',
			operation: 'getAll',
			returnAll: true,
			filters: { actionType: 'webinar_attended' },
		});
		expect(listed.map((i) => i.json.key)).toEqual([action.json.key]);
	});
});
