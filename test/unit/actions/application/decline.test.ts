import { emulatorWith, locator, runNode, runNodeError } from '../../../support/node';
import { APPLICATIONS, subscribe } from '../../../support/seeds';

const emulator = emulatorWith(APPLICATIONS);

describe('application decline', () => {
	it('with a reason, fires application.declined and creates no partnership', async () => {
		await subscribe(emulator, ['application.declined', 'partnership.created']);
		const partnersBefore = (await emulator.state('partnerships')).length;
		const [item] = await runNode(emulator, {
			resource: 'application',
			operation: 'decline',
			key: locator('appl_Mallory'),
			reason: '  Not a fit  ',
		});
		expect(item.json).toMatchObject({
			key: 'appl_Mallory',
			approved: false,
			decline_reason: 'Not a fit',
			partner_key: null,
		});
		expect((await emulator.requests()).find((r) => r.method === 'PATCH')!.body).toEqual({
			approved: false,
			decline_reason: 'Not a fit',
		});
		expect((await emulator.state('partnerships')).length).toBe(partnersBefore);
		expect((await emulator.deliveries()).map((d) => d.event)).toEqual(['application.declined']);
	});

	it('without a reason sends none', async () => {
		await runNode(emulator, {
			resource: 'application',
			operation: 'decline',
			key: locator('appl_Mallory'),
			reason: '',
		});
		expect((await emulator.requests()).find((r) => r.method === 'PATCH')!.body).toEqual({
			approved: false,
		});
	});

	it('an unknown application is a 404', async () => {
		const error = await runNodeError(emulator, {
			resource: 'application',
			operation: 'decline',
			key: locator('appl_Nope'),
		});
		expect(error.httpCode).toBe('404');
	});

	it('continue on fail: an already decided application gives an error item, the others are decided', async () => {
		const items = await runNode(
			emulator,
			{ resource: 'application', operation: 'decline', reason: '' },
			{
				items: [{ json: {} }, { json: {} }],
				continueOnFail: true,
				itemParameters: [{ key: locator('appl_Old') }, { key: locator('appl_Mallory') }],
			},
		);
		expect(items.map((item) => [item.json.error ?? item.json.approved, item.pairedItem])).toEqual([
			['application appl_Old has already been declined', { item: 0 }],
			[false, { item: 1 }],
		]);
	});
});
