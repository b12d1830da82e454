import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('partnership modifyTags', () => {
	it('adds and removes', async () => {
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

	it('nothing to change is a clear error', async () => {
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
