import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('deal getAttachment', () => {
	it('answers the file as n8n binary', async () => {
		const [file] = await runNode(emulator, {
			resource: 'deal',
			operation: 'getAttachment',
			key: locator('deal_Globex'),
			fileKey: 'file_Rfp',
			binaryPropertyName: 'document',
		});
		expect(file.json).toMatchObject({ file_name: 'rfp.txt', mime_type: 'text/plain', size: 14 });
		expect(Buffer.from(String(file.binary!.document.data), 'base64').toString()).toBe(
			'RFP: 500 seats',
		);
	});

	it('an unknown file is a 404', async () => {
		const missing = await runNodeError(emulator, {
			resource: 'deal',
			operation: 'getAttachment',
			key: locator('deal_Globex'),
			fileKey: 'file_Nope',
			binaryPropertyName: 'data',
		});
		expect(missing.httpCode).toBe('404');
	});
});
