import { DEMO, emulatorWith, locator, runNode } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('deal listAttachments', () => {
	it('lists the files of the deal', async () => {
		const files = await runNode(emulator, {
			resource: 'deal',
			operation: 'listAttachments',
			key: locator('deal_Globex'),
		});
		expect(files.map((f) => f.json)).toEqual([
			{ deal_key: 'deal_Globex', key: 'file_Rfp', name: 'rfp.txt', field_key: 'rfp' },
		]);
	});
});
