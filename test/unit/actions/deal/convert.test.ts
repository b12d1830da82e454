import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

const convert = {
	resource: 'deal',
	operation: 'convert',
	key: locator('deal_Globex'),
	email: 'it@globex.example',
};

describe('deal convert', () => {
	it('the deal becomes a customer of its partner', async () => {
		const [customer] = await runNode(emulator, { ...convert, customerKey: 'globex' });
		expect(customer.json).toMatchObject({
			customer_key: 'globex',
			partner_key: 'ada',
			source_type: 'deal',
			converted_from: { type: 'deal', key: 'deal_Globex' },
		});
	});

	it('converting a deal twice is refused', async () => {
		await runNode(emulator, { ...convert, customerKey: 'globex' });
		const again = await runNodeError(emulator, { ...convert, customerKey: '' });
		expect(again.message).toMatch(/already been converted/);
	});
});
