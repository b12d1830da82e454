/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import { loadOptions } from '../../../nodes/PartnerStack/methods';
import { DEMO, emulatorWith, pickerContextOn } from '../../support/node';
import { TIERS } from '../../support/seeds';

const emulator = emulatorWith(DEMO);
const pickerContext = pickerContextOn(emulator);

describe('loadOptions', () => {
	it('getGroups lists the groups', async () => {
		expect((await loadOptions.getGroups.call(pickerContext())).map((o) => o.value)).toEqual([
			'grup_Affiliates0001',
			expect.any(String),
			'grup_Resellers00001',
		]);
	});

	it('getGroupSlugs lists their slugs', async () => {
		expect((await loadOptions.getGroupSlugs.call(pickerContext())).map((o) => o.value)).toEqual([
			'affiliates',
			'default',
			'resellers',
		]);
	});

	it('getDealStages lists the deal stages of the chosen group only', async () => {
		const stages = await loadOptions.getDealStages.call(
			pickerContext({ groupKey: 'grup_Resellers00001' }),
		);
		expect(stages.map((s) => s.value)).toEqual(['New', 'Closed Won']);
		expect(
			await loadOptions.getDealStages.call(pickerContext({ groupKey: 'grup_Affiliates0001' })),
		).toEqual([]);
	});

	it('getDealFormTemplates lists the deal forms of the chosen group', async () => {
		expect(
			(
				await loadOptions.getDealFormTemplates.call(
					pickerContext({ groupKey: 'grup_Resellers00001' }),
				)
			).map((t) => t.value),
		).toEqual(['mold_Deal']);
	});

	it('getApplicationForms lists the application forms', async () => {
		expect(
			(await loadOptions.getApplicationForms.call(pickerContext())).map((t) => t.value),
		).toEqual(['mold_Appl']);
	});

	it('the tier picker offers every tier by position, its value the tier key', async () => {
		await emulator.reset(TIERS);
		const context = pickerContext();
		const options = await loadOptions.getTiers.call(context as never);
		expect(options).toEqual([
			{ name: 'Silver', value: 'tier_Silver' },
			{ name: 'Gold', value: 'tier_Gold' },
		]);
	});
});
