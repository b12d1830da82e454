// Dates end to end: an n8n whose time zone (GENERIC_TIMEZONE) is Tokyo, running in a process whose own zone is
// Kolkata (both east of UTC, and different, so reading dates in the server's zone would show). A date typed
// without a zone means that wall-clock time in the workflow's time zone.
import { EmulatorProcess, KEYS } from '../support/emulator';
import { DEMO } from '../support/node';
import { N8nInstance } from './support/n8n';
import { chainWorkflow, credential, type StepNode } from './support/workflows';

jest.setTimeout(240_000);

const emulator = new EmulatorProcess();
const n8n = new N8nInstance({ GENERIC_TIMEZONE: 'Asia/Tokyo', TZ: 'Asia/Kolkata' });

beforeAll(async () => {
	await emulator.start();
	n8n.importCredentials([credential(emulator.url, KEYS.production)]);
});
beforeEach(async () => {
	await emulator.reset(DEMO);
	await emulator.clearRequests();
});
afterAll(async () => {
	await emulator.stop();
	n8n.remove();
});

function run(name: string, steps: StepNode[], settings: Record<string, unknown> = {}) {
	const { id, workflow } = chainWorkflow(name, steps);
	n8n.importWorkflow({ ...workflow, settings });
	const result = n8n.execute(id);
	if (result.status !== 'success')
		throw new Error(`workflow "${name}" did not succeed:\n${result.output.slice(0, 4000)}`);
	return result;
}

const sent = async (method: string, path: string) =>
	(await emulator.requests()).filter(
		(request) => request.method === method && request.path === path,
	);

const steps: StepNode[] = [
	{
		name: 'Create deal',
		parameters: {
			resource: 'deal',
			operation: 'create',
			source: 'partner',
			partnerKey: 'ada',
			groupKey: '',
			amountUnit: 'cents',
			additionalFields: { accountName: 'Tokyo KK', closeDate: '2026-12-04T00:00:00' },
		},
	},
	{
		name: 'Find deals',
		parameters: {
			resource: 'deal',
			operation: 'getAll',
			returnAll: true,
			filters: { minCreated: '2026-12-04T00:00:00', maxUpdated: '2030-01-01T09:00:00+09:00' },
		},
	},
];

it('in the n8n time zone (Tokyo): close_date is the day typed, and a Get Many date is that moment in Tokyo', async () => {
	const result = run('dates in Tokyo', steps);
	expect(result.runData['Create deal'][0].data!.main[0][0].json.close_date).toBe('2026-12-04');
	const [create] = await sent('POST', '/api/v2/deals');
	expect(create.body).toMatchObject({ account_name: 'Tokyo KK', close_date: '2026-12-04' });
	const [find] = await sent('GET', '/api/v2/deals');
	expect(find.query.min_created).toBe(String(Date.UTC(2026, 11, 3, 15)));
	// A value with an offset keeps it.
	expect(find.query.max_updated).toBe(String(Date.UTC(2030, 0, 1)));
});

it("a workflow's own time zone setting wins over n8n's", async () => {
	const result = run('dates in Los Angeles', steps, { timezone: 'America/Los_Angeles' });
	expect(result.runData['Create deal'][0].data!.main[0][0].json.close_date).toBe('2026-12-04');
	const [find] = await sent('GET', '/api/v2/deals');
	expect(find.query.min_created).toBe(String(Date.UTC(2026, 11, 4, 8)));
});
