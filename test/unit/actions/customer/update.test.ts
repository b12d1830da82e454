import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('customer update', () => {
	it('patches only the given fields', async () => {
		const [item] = await runNode(emulator, {
			resource: 'customer',
			operation: 'update',
			key: locator('acme'),
			updateFields: { name: 'Acme Corp' },
		});
		expect(item.json).toMatchObject({ name: 'Acme Corp', email: 'billing@acme.example' });
	});

	it('nothing given is an error', async () => {
		const error = await runNodeError(emulator, {
			resource: 'customer',
			operation: 'update',
			key: locator('acme'),
			updateFields: {},
		});
		expect(error.message).toMatch(/at least one field/);
	});
});
