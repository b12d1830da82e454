/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- test code, not node code */
// The README's first command: `npm run sandbox` brings up the emulator (demo program) and n8n with the package,
// two credentials and the five example workflows. Each example runs green in it: 1, 3 and 4 with `n8n execute`
// beside the running n8n, 2 and 5 (triggers) by creating a partnership or an application in the emulator.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8nInstance } from './support/n8n';
import { Sandbox } from './support/sandbox';

jest.setTimeout(300_000);

const sandbox = new Sandbox();
const emulator = sandbox.emulator;
const filesFolder = sandbox.filesFolder;
const userFolder = sandbox.userFolder;

type Item = { json: Record<string, any> };
const outputOf = (run: ReturnType<N8nInstance['execute']>, node: string): Item[] =>
	run.runData[node]?.[0]?.data?.main[0] ?? [];

function executeExample(id: string) {
	const run = sandbox.n8n.execute(id);
	if (run.status !== 'success')
		throw new Error(`example ${id} did not run green:\n${run.output.slice(-4000)}`);
	return run;
}

beforeAll(() => sandbox.start());
afterAll(() => sandbox.stop());

it('prints the URL and login, loads the package, and its credential passes the test against the emulator', async () => {
	expect(sandbox.log).toMatch(/login\s+admin@sandbox\.local \/ Sandbox-2026/);
	expect(sandbox.log).toMatch(/5 example workflows/);
	const stored = JSON.parse(readFileSync(join(userFolder, 'sandbox-credentials.json'), 'utf8'))[0];
	const test = await sandbox.n8n.rest('POST', '/credentials/test', { credentials: stored });
	expect(test.body.data).toMatchObject({ status: 'OK' });
	const workflows = await sandbox.n8n.rest<{ data: Array<{ id: string; name: string }> }>(
		'GET',
		'/workflows',
	);
	expect(workflows.body.data.map((workflow) => workflow.id).sort()).toEqual([
		'psExampleApprove',
		'psExampleDealWon',
		'psExampleExport1',
		'psExampleImport1',
		'psExampleOnboard',
	]);
});

it('example 1: validates the inbox CSV, imports the valid rows, and lists the skipped ones with their reasons', async () => {
	const run = executeExample('psExampleImport1');
	expect(outputOf(run, 'Validate (dry run)')[0].json).toMatchObject({
		mode: 'validate',
		total: 6,
		imported: 3,
		skipped: 3,
		failed: 0,
	});
	expect(outputOf(run, 'Import row by row')[0].json).toMatchObject({
		mode: 'rowByRow',
		total: 6,
		imported: 3,
		skipped: 3,
		failed: 0,
	});
	const skipped = outputOf(run, 'Summary of skipped rows').map((item) => item.json);
	expect(skipped.map((row) => [row.row, row.status, row.customer_key])).toEqual([
		[4, 'skipped', 'cyberdyne'],
		[5, 'skipped', 'soylent'],
		[6, 'skipped', 'wayne-ent'],
	]);
	expect(skipped.map((row) => row.reason).join(' | ')).toMatch(
		/email.*\|.*nobody-here.*\|.*duplicate of row 2/i,
	);
	const customers = await emulator.state<{ customer_key: string }>('customers');
	expect(customers.map((customer) => customer.customer_key)).toEqual(
		expect.arrayContaining(['wayne-ent', 'stark-ind', 'initech']),
	);
	expect(customers.filter((customer) => customer.customer_key === 'wayne-ent')).toHaveLength(1);
});

it('example 2: a new partnership is tagged by its group and gets an onboarding action, through the registered webhook', async () => {
	const hooks = await emulator.state<{ archived: boolean; events: string[] }>('webhooks');
	expect(
		hooks.filter((hook) => !hook.archived && hook.events.includes('partnership.created')),
	).toHaveLength(1);
	const created = await emulator.api('POST', '/api/v2/partnerships', {
		email: 'mary@example.com',
		first_name: 'Mary',
		last_name: 'Jackson',
		partner_key: 'mary-jackson',
		group_key: 'grup_Resellers00001',
	});
	expect(created.status).toBe(200);
	const tagged = await sandbox.waitFor(async () => {
		const partner = (
			await emulator.state<{ partner_key: string; tags: string[] }>('partnerships')
		).find((p) => p.partner_key === 'mary-jackson');
		return partner && partner.tags.length ? partner : undefined;
	}, 'the onboarding workflow to tag the partner');
	expect(tagged.tags.sort()).toEqual(['group-resellers', 'new-partner']);
	const actions = await sandbox.waitFor(async () => {
		const found = (await emulator.state<{ type: string; partner_key: string }>('actions')).filter(
			(action) => action.type === 'onboarding_started',
		);
		return found.length ? found : undefined;
	}, 'the onboarding action');
	expect(actions).toEqual([expect.objectContaining({ partner_key: 'mary-jackson' })]);
});

it('example 3: the won deal becomes a customer whose first sale is recorded from dollars', () => {
	const run = executeExample('psExampleDealWon');
	expect(outputOf(run, 'Convert to customer')[0].json).toMatchObject({
		customer_key: 'globex',
		partner_key: 'ada-lovelace',
	});
	expect(outputOf(run, 'Record the first sale')[0].json).toMatchObject({
		key: 'globex-inv-0001',
		amount: 1250050,
		currency: 'USD',
	});
});

it('example 4: one CSV per object with every record', async () => {
	executeExample('psExampleExport1');
	const exported = readdirSync(join(filesFolder, 'export')).sort();
	expect(exported).toEqual([
		expect.stringMatching(/^customers-\d{4}-\d\d-\d\d\.csv$/),
		expect.stringMatching(/^partners-/),
		expect.stringMatching(/^transactions-/),
	]);
	const rows = (file: string) =>
		readFileSync(join(filesFolder, 'export', file), 'utf8')
			.trim()
			.split('\n');
	const counts = Object.fromEntries(
		await Promise.all(
			['partnerships', 'customers', 'transactions'].map(async (collection) => [
				collection,
				(await emulator.state(collection)).length,
			]),
		),
	);
	expect(rows(exported[1])).toHaveLength(counts.partnerships + 1);
	expect(rows(exported[0])).toHaveLength(counts.customers + 1);
	expect(rows(exported[2])).toHaveLength(counts.transactions + 1);
	// Spreadsheet-ready: one column per field, a partner's tags in one cell.
	expect(rows(exported[1])[0].split(',')).toEqual(
		expect.arrayContaining(['key', 'partner_key', 'email', 'group_name', 'tags']),
	);
	expect(rows(exported[1]).find((row) => row.includes('ada-lovelace'))).toContain('"gold, emea"');
});

it('example 5: an applicant from a listed domain is approved, tiered, tagged and onboarded; another is declined with the reason', async () => {
	const hooks = await emulator.state<{ archived: boolean; events: string[] }>('webhooks');
	expect(
		hooks.filter((hook) => !hook.archived && hook.events.includes('application.created')),
	).toHaveLength(1);
	type Application = {
		key: string;
		email: string;
		approved: boolean | null;
		decline_reason: string | null;
		partner_key: string | null;
	};
	const apply = async (email: string, firstName: string) => {
		const answer = await emulator.api('POST', '/api/v2/applications', {
			email,
			first_name: firstName,
			last_name: 'Applicant',
			group_key: 'grup_Resellers00001',
		});
		expect(answer.status).toBe(200);
		return answer.body.data.key as string;
	};
	const listed = await apply('ken@kernel.example', 'Ken');
	const unlisted = await apply('eve@elsewhere.example', 'Eve');
	const decided = (key: string) =>
		sandbox.waitFor(async () => {
			const application = (await emulator.state<Application>('applications')).find(
				(entry) => entry.key === key,
			);
			return application && application.approved !== null ? application : undefined;
		}, `a decision on ${key}`);

	const approved = await decided(listed);
	expect(approved).toMatchObject({ approved: true, partner_key: expect.any(String) });
	const partner = await sandbox.waitFor(async () => {
		const found = (
			await emulator.state<{ partner_key: string; tier: { name: string } | null; tags: string[] }>(
				'partnerships',
			)
		).find((p) => p.partner_key === approved.partner_key);
		return found?.tier && found.tags.includes('approved-applicant') ? found : undefined;
	}, 'the approved partner to get its tier and tag');
	expect(partner.tier).toMatchObject({ key: 'tier_Gold0000000001', name: 'Gold' });
	const onboarding = await sandbox.waitFor(async () => {
		const found = (await emulator.state<{ type: string; partner_key: string }>('actions')).filter(
			(action) => action.type === 'onboarding_approved',
		);
		return found.length ? found : undefined;
	}, 'the onboarding action');
	expect(onboarding).toEqual([expect.objectContaining({ partner_key: approved.partner_key })]);

	const declined = await decided(unlisted);
	expect(declined).toMatchObject({
		approved: false,
		decline_reason: 'Our partner program is open to our approved agencies only.',
		partner_key: null,
	});
});
