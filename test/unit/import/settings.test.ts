// The settings (import/settings.ts): the node's parameters, read once before the file.
import { DEMO, startEmulator } from '../../support/node';
import { importErrors, LEADS } from './support';

const emulator = startEmulator();
beforeAll(async () => {
	await emulator.reset(DEMO);
});
const stop = importErrors(emulator);

it('deals and leads need a group', async () => {
	// An expression that resolves to nothing: n8n itself refuses to start a workflow whose required Group is empty.
	expect(
		await stop('deals', 'amount_in_cents,close_date,external_key,stage\n1,2026-01-01,d1,New\n', {
			groupKey: '={{ "" }}',
		}),
	).toMatch(/Deals are imported into one group: choose the Group/);
	expect(await stop('leads', `${LEADS}\n`, { groupKey: '={{ "" }}' })).toMatch(
		/Leads are imported into one group/,
	);
});
