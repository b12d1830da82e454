// Issue 4 end to end: a running n8n activates a workflow with the PartnerStack Trigger, which registers its
// own webhook at the emulator; an event in the emulator becomes a `webhook` execution; forged and repeated
// deliveries start nothing; a restart leaves one hook; deactivation archives it.
import { sleep } from 'n8n-workflow';

import { EmulatorProcess, KEYS } from '../support/emulator';
import { waitFor as waitForProbe } from '../support/wait';
import { DEMO } from '../support/node';
import { N8nInstance } from './support/n8n';
import { freePort } from './support/ports';
import { credential, CREDENTIAL_ID } from './support/workflows';

jest.setTimeout(300_000);

const WORKFLOW_ID = 'psE2eTrigger0001';
const WEBHOOK_ID = '0b7f6d7e-2c1a-4a51-9f3e-5a0d9b1c7e42';
const emulator = new EmulatorProcess();
const n8n = new N8nInstance();
let port = 0;
/** Indexes (in the emulator's delivery log) of the team joins and training completions. */
let familyDeliveries: number[] = [];

interface Hook {
	key: string;
	target_url: string;
	archived: boolean;
	events: string[];
	/** The signing secret PartnerStack was given (the emulator's state shows it; its API never does). */
	secret: string;
}

const activeHooks = async () =>
	(await emulator.state<Hook>('webhooks')).filter((hook) => !hook.archived);

const waitFor = <T>(probe: () => Promise<T | undefined>, what: string) =>
	waitForProbe(probe, what, { timeoutMs: 30_000, diagnostics: () => n8n.serverLog.slice(-3000) });

/** n8n 2.x (de)activates workflows in the background after answering: wait for the count, then give a duplicate time to show. */
async function settledHooks(count: number) {
	await waitFor(
		async () => ((await activeHooks()).length === count ? true : undefined),
		`${count} active hook(s)`,
	);
	await sleep(1500);
	return activeHooks();
}

async function executions() {
	const answer = await n8n.rest<{
		data: { results: Array<{ id: string; mode: string; status: string }> };
	}>(
		'GET',
		`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }))}`,
	);
	if (!answer.body?.data)
		throw new Error(
			`GET /executions answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`,
		);
	return answer.body.data.results;
}

beforeAll(async () => {
	await emulator.start();
	await emulator.reset(DEMO);
	n8n.importCredentials([credential(emulator.url, KEYS.test, { sandbox: true })]);
	n8n.importWorkflow({
		id: WORKFLOW_ID,
		name: 'PartnerStack trigger e2e',
		active: false,
		settings: {},
		connections: {},
		nodes: [
			{
				id: 'trigger',
				name: 'PartnerStack Trigger',
				type: 'n8n-nodes-partnerstack.partnerStackTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: {
					events: [
						'customer.created',
						'partnership.created',
						'partner_team.member_joined',
						'training.course_completed',
					],
					options: {},
				},
				credentials: {
					partnerStackApi: { id: CREDENTIAL_ID, name: `PartnerStack ${CREDENTIAL_ID}` },
				},
			},
		],
	});
	port = await freePort();
	await n8n.start(port);
	await n8n.login();
});

afterAll(async () => {
	await n8n.stop();
	await emulator.stop();
	n8n.remove();
});

it('activating registers exactly one webhook with a secret token in its URL', async () => {
	const workflow = await n8n.rest('GET', `/workflows/${WORKFLOW_ID}`);
	const activated = await n8n.rest('POST', `/workflows/${WORKFLOW_ID}/activate`, {
		versionId: workflow.body.data.versionId,
	});
	expect(activated.status).toBe(200);
	const hooks = await settledHooks(1);
	expect(hooks).toHaveLength(1);
	expect(hooks[0].events).toEqual([
		'customer.created',
		'partner_team.member_joined',
		'partnership.created',
		'training.course_completed',
	]);
	expect(hooks[0].target_url).toMatch(
		new RegExp(
			`^http://127\\.0\\.0\\.1:${port}/webhook/${WEBHOOK_ID}/webhook\\?token=[0-9a-f]{64}$`,
		),
	);
});

it('an event in PartnerStack starts a webhook execution with that object', async () => {
	const created = await emulator.api(
		'POST',
		'/api/v2/customers',
		{ email: 'hooked@example.com', partner_key: 'gstest', customer_key: 'hooked-1' },
		KEYS.test,
	);
	expect(created.status).toBe(200);
	const [delivery] = await emulator.deliveries();
	expect(delivery).toMatchObject({ event: 'customer.created', status: 200 });
	const execution = await waitFor(
		async () => (await executions()).find((e) => e.status === 'success'),
		'a successful execution',
	);
	expect(execution.mode).toBe('webhook');
	const detail = await n8n.rest('GET', `/executions/${execution.id}`);
	const data = JSON.stringify(detail.body);
	expect(data).toContain('hooked-1');
	expect(data).toContain('customer.created');
	const token = new URL((await activeHooks())[0].target_url).searchParams.get('token')!;
	expect(data).not.toContain(token);
	expect(n8n.serverLog).not.toContain(token);
});

it('refuses a forged delivery with 401 and starts nothing', async () => {
	const before = (await executions()).length;
	const url = `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/webhook`;
	const forged = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ key: 'x', event: 'customer.created' }),
	});
	expect(forged.status).toBe(401);
	const wrongToken = await fetch(`${url}?token=${'0'.repeat(64)}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ key: 'x', event: 'customer.created' }),
	});
	expect(wrongToken.status).toBe(401);
	await sleep(1000);
	expect(await executions()).toHaveLength(before);
});

it('a redelivery of the same event starts the workflow once', async () => {
	const before = (await executions()).length;
	await emulator.admin('POST', '/deliveries/0/redeliver');
	await emulator.deliveries();
	await sleep(1500);
	expect(await executions()).toHaveLength(before);
});

it('two people joining one team and two partners completing one course start four executions; a redelivery starts none', async () => {
	const before = (await executions()).length;
	for (const [email, first_name] of [
		['mia@ada.example', 'Mia'],
		['noa@ada.example', 'Noa'],
	]) {
		const joined = await emulator.api(
			'POST',
			'/api/v2/partnerships/ada/member',
			{ email, first_name, last_name: 'Team' },
			KEYS.test,
		);
		expect(joined.status).toBe(200);
	}
	for (const partnerKey of ['ada', 'grace']) {
		await emulator.admin('POST', '/training-completions', {
			type: 'course',
			id: 4711,
			name: 'Selling the product',
			partner_key: partnerKey,
		});
	}
	const deliveries = await emulator.deliveries();
	const fresh = deliveries.slice(-4);
	familyDeliveries = [0, 1, 2, 3].map((n) => deliveries.length - 4 + n);
	expect(fresh.map((delivery) => [delivery.event, delivery.status])).toEqual([
		['partner_team.member_joined', 200],
		['partner_team.member_joined', 200],
		['training.course_completed', 200],
		['training.course_completed', 200],
	]);
	const runs = await waitFor(async () => {
		const all = await executions();
		return all.length === before + 4 && all.every((e) => e.status === 'success') ? all : undefined;
	}, 'four more successful executions');
	const details = await Promise.all(
		runs
			.slice(0, 4)
			.map(async (e) => JSON.stringify((await n8n.rest('GET', `/executions/${e.id}`)).body)),
	);
	for (const text of [
		'mia@ada.example',
		'noa@ada.example',
		'grace@example.com',
		'ada@example.com',
	]) {
		expect(details.some((detail) => detail.includes(text))).toBe(true);
	}

	await emulator.admin('POST', `/deliveries/${deliveries.length - 1}/redeliver`);
	await emulator.admin('POST', `/deliveries/${deliveries.length - 3}/redeliver`);
	const redelivered = (await emulator.deliveries()).slice(-2);
	expect(redelivered.map((delivery) => delivery.status)).toEqual([200, 200]);
	await sleep(1500);
	expect(await executions()).toHaveLength(before + 4);
});

it('neither the static data nor an execution record holds the URL token or the signing secret', async () => {
	const [hook] = await activeHooks();
	const token = new URL(hook.target_url).searchParams.get('token')!;
	expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
	const workflow = await n8n.rest<{
		data: { staticData?: Record<string, Record<string, unknown>> };
	}>('GET', `/workflows/${WORKFLOW_ID}`);
	// The trigger's static data, as n8n keeps it: the hook id and what checks the secrets, not the secrets.
	const staticData = workflow.body.data.staticData!['node:PartnerStack Trigger'];
	expect(staticData).toMatchObject({
		webhookId: hook.key,
		webhookSigningSalt: expect.any(String),
		webhookSigningSecretHash: expect.any(String),
	});
	expect(Object.keys(staticData.recentDeliveryHashes as object).length).toBeGreaterThanOrEqual(5);
	const records = await Promise.all(
		(await executions()).map(async (e) =>
			JSON.stringify((await n8n.rest('GET', `/executions/${e.id}`)).body),
		),
	);
	for (const text of [JSON.stringify(workflow.body), ...records, n8n.serverLog]) {
		expect(text).not.toContain(token);
		expect(text).not.toContain(hook.secret);
	}
});

it('a restart of n8n leaves one hook, not a duplicate', async () => {
	const [before] = await activeHooks();
	await n8n.stop();
	await n8n.start(port);
	// n8n answers /rest/settings (what start() waits for) before it has mounted every route: on a busy machine the
	// login or the executions list can still answer 404 for a moment.
	await waitFor(async () => {
		try {
			await n8n.login();
			return await executions();
		} catch {
			return undefined;
		}
	}, 'n8n to accept a login and list executions after the restart');
	const hooks = await settledHooks(1);
	expect(hooks).toHaveLength(1);
	expect(hooks[0].key).toBe(before.key);
	// A process that never saw them: only the static data in n8n's database knows the four deliveries.
	const executed = (await executions()).length;
	for (const index of familyDeliveries)
		await emulator.admin('POST', `/deliveries/${index}/redeliver`);
	const redelivered = (await emulator.deliveries()).slice(-4);
	expect(redelivered.map((delivery) => delivery.status)).toEqual([200, 200, 200, 200]);
	await sleep(1500);
	expect(await executions()).toHaveLength(executed);
});

it('deactivating archives the hook', async () => {
	const answer = await n8n.rest('POST', `/workflows/${WORKFLOW_ID}/deactivate`);
	expect(answer.status).toBe(200);
	expect(await settledHooks(0)).toHaveLength(0);
});
