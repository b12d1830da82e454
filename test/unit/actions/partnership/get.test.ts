/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('partnership get', () => {
	it('by partner key, raw when Simplify is off', async () => {
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'get',
			key: locator('ada'),
			simplify: false,
		});
		expect(item.json).toMatchObject({
			key: 'part_Ada',
			group: { key: 'grup_Resellers00001', name: 'Resellers' },
			m_data: {},
		});
	});

	it('an unknown key is a 404 NodeApiError', async () => {
		const error = await runNodeError(emulator, {
			resource: 'partnership',
			operation: 'get',
			key: locator('nobody'),
		});
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('partnership nobody not found');
	});
});
