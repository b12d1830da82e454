import { DEMO, emulatorWith, locator, runNode, runNodeError } from '../../../support/node';

const emulator = emulatorWith(DEMO);

describe('partnership delete', () => {
	it('archives', async () => {
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'delete',
			key: locator('grace'),
		});
		expect(item.json).toMatchObject({ key: 'part_Grace', deleted: true, archived: true });
		const [grace] = (
			await emulator.state<{ key: string; archived: boolean }>('partnerships')
		).filter((p) => p.key === 'part_Grace');
		expect(grace.archived).toBe(true);
	});

	it('an unknown partner is a 404', async () => {
		expect(
			(
				await runNodeError(emulator, {
					resource: 'partnership',
					operation: 'delete',
					key: locator('part_Nope'),
				})
			).httpCode,
		).toBe('404');
	});
});
