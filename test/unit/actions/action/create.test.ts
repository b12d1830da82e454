import { DEMO, emulatorWith, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('action create', () => {
	it('records the action on its target', async () => {
		const [action] = await runNode(emulator, {
			resource: 'action',
			operation: 'create',
			targetType: 'partnership',
			targetKey: 'ada',
			type: 'webinar_attended',
			value: 2,
			additionalFields: { externalKey: 'evt-1' },
		});
		expect(action.json).toMatchObject({
			type: 'webinar_attended',
			value: 2,
			target_key: 'ada',
			partner_key: 'ada',
			external_key: 'evt-1',
		});
	});

	it('a value below 1 is refused with the API message', async () => {
		const zero = await runNodeError(emulator, {
			resource: 'action',
			operation: 'create',
			targetType: 'partnership',
			targetKey: 'ada',
			type: 'x',
			value: 0,
			additionalFields: {},
		});
		expect(zero.message).toMatch(/less than the minimum of 1/);
	});

	it('an unknown target is refused with the API message', async () => {
		const missing = await runNodeError(emulator, {
			resource: 'action',
			operation: 'create',
			targetType: 'customer',
			targetKey: 'ghost',
			type: 'x',
			value: 1,
			additionalFields: {},
		});
		expect(missing.message).toBe('customer ghost not found');
	});
});
