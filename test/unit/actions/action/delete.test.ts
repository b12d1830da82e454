import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('action delete', () => {
	it('deletes the action: Get Many no longer lists it', async () => {
		const [action] = await runNode(emulator, {
			resource: 'action',
			operation: 'create',
			targetType: 'partnership',
			targetKey: 'ada',
			type: 'webinar_attended',
			value: 2,
			additionalFields: {},
		});
		const [deleted] = await runNode(emulator, {
			resource: 'action',
			operation: 'delete',
			key: locator(String(action.json.key)),
		});
		expect(deleted.json.deleted).toBe(true);
		expect(
			await runNode(emulator, {
				resource: 'action',
				operation: 'getAll',
				returnAll: true,
				filters: {},
			}),
		).toEqual([]);
	});

	it('an unknown action is a 404', async () => {
		expect(
			(
				await runNodeError(emulator, {
					resource: 'action',
					operation: 'delete',
					key: locator('actn_nope'),
				})
			).httpCode,
		).toBe('404');
	});
});
