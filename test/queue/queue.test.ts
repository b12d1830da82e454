/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test code, not node code */
// Issue 7: the package in n8n queue mode (Redis, PostgreSQL, one main, two workers, a webhook processor), started
// from Debian's packages on 127.0.0.1. Nothing in the package may rely on process memory between executions.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { EmulatorProcess, KEYS } from '../support/emulator';
import { DEMO } from '../support/node';
import { credential, CREDENTIAL_ID } from '../e2e/support/workflows';
import { QueueCluster } from './support/cluster';

jest.setTimeout(600_000);

const cluster = new QueueCluster();
const emulator = new EmulatorProcess();
const PS_CREDENTIAL = {
	partnerStackApi: { id: CREDENTIAL_ID, name: `PartnerStack ${CREDENTIAL_ID}` },
};
const TRIGGER_WEBHOOK_ID = '7c2f0a4e-1d3b-4c5a-8e6f-9a0b1c2d3e4f';
const IMPORT_WEBHOOK_ID = 'b5e1c9d2-6a7f-4b3c-9d8e-2f1a0b3c4d5e';
const ROWS_PER_FILE = 300;
const RATE_LIMIT = 400;

interface Hook {
	key: string;
	target_url: string;
	archived: boolean;
}
const activeHooks = async () =>
	(await emulator.state<Hook>('webhooks')).filter((hook) => !hook.archived);

function workflow(
	id: string,
	nodes: Array<Record<string, unknown>>,
	connections: Record<string, unknown> = {},
) {
	return { id, name: id, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}
const chain = (...names: string[]) =>
	Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, index) => [
				name,
				{ main: [[{ node: names[index + 1], type: 'main', index: 0 }]] },
			]),
	);

/** Executions of a workflow as PostgreSQL holds them. */
const executionsOf = (workflowId: string) =>
	cluster
		.sql(
			`select id, status, mode from execution_entity where "workflowId" = '${workflowId}' order by id`,
		)
		.map(([id, status, mode]) => ({ id, status, mode }));
const executionData = (id: string) =>
	cluster.sql(`select data from execution_data where "executionId" = ${Number(id)}`)[0]?.[0] ?? '';
/** Which worker ran an execution, from the workers' own logs (their pipes may deliver the line a moment after the database has the result). */
const workerOf = (id: string) =>
	cluster
		.waitFor(
			() =>
				['worker-1', 'worker-2'].find((name) =>
					cluster.logOf(name).includes(`Worker started execution ${id} `),
				),
			`the worker log of execution ${id}`,
			15_000,
		)
		.catch(() => undefined);

async function activate(id: string) {
	const current = await cluster.n8n.rest('GET', `/workflows/${id}`);
	const answer = await cluster.n8n.rest('POST', `/workflows/${id}/activate`, {
		versionId: current.body.data.versionId,
	});
	if (answer.status !== 200)
		throw new Error(`activation of ${id} failed: ${JSON.stringify(answer.body)}`);
}
const deactivate = (id: string) => cluster.n8n.rest('POST', `/workflows/${id}/deactivate`);

beforeAll(async () => {
	await emulator.start();
	await emulator.reset(DEMO);
	await cluster.start();
	cluster.n8n.importCredentials([credential(emulator.url, KEYS.production)]);
	const csv = (prefix: string) =>
		[
			'customer_key,email,partner_key,name',
			...Array.from(
				{ length: ROWS_PER_FILE },
				(_, n) => `${prefix}-${n},${prefix}-${n}@queue.example,ada,${prefix} ${n}`,
			),
		].join('\n');
	for (const prefix of ['alpha', 'beta'])
		writeFileSync(join(cluster.folder, `${prefix}.csv`), `${csv(prefix)}\n`);
	cluster.n8n.importWorkflow(
		workflow(
			'psQueueAction001',
			[
				{
					id: 's',
					name: 'Every 2 seconds',
					type: 'n8n-nodes-base.scheduleTrigger',
					typeVersion: 1.2,
					position: [0, 0],
					parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: 2 }] } },
				},
				{
					id: 'p',
					name: 'Partners',
					type: 'n8n-nodes-partnerstack.partnerStack',
					typeVersion: 1,
					position: [220, 0],
					credentials: PS_CREDENTIAL,
					parameters: {
						resource: 'partnership',
						operation: 'getAll',
						returnAll: true,
						filters: {},
					},
				},
				// A Code node: on n8n 2.x it runs in the worker's task runner, so the run proves the runners work.
				{
					id: 'c',
					name: 'Count',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					position: [440, 0],
					parameters: { jsCode: 'return [{ json: { partnersCounted: $input.all().length } }];' },
				},
			],
			chain('Every 2 seconds', 'Partners', 'Count'),
		),
	);
	cluster.n8n.importWorkflow(
		workflow(
			'psQueueImport001',
			[
				{
					id: 'w',
					name: 'Import request',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: IMPORT_WEBHOOK_ID,
					parameters: {
						httpMethod: 'POST',
						path: 'queue-import',
						responseMode: 'onReceived',
						options: {},
					},
				},
				{
					id: 'r',
					name: 'Read CSV',
					type: 'n8n-nodes-base.readWriteFile',
					typeVersion: 1,
					position: [220, 0],
					parameters: {
						operation: 'read',
						fileSelector: `=${cluster.folder}/{{ $json.body.file }}.csv`,
						options: {},
					},
				},
				{
					id: 'i',
					name: 'Import',
					type: 'n8n-nodes-partnerstack.partnerStackImport',
					typeVersion: 1,
					position: [440, 0],
					credentials: PS_CREDENTIAL,
					parameters: {
						operation: 'import',
						objectType: 'customers',
						mode: 'rowByRow',
						binaryPropertyName: 'data',
						options: {},
					},
				},
			],
			chain('Import request', 'Read CSV', 'Import'),
		),
	);
	cluster.n8n.importWorkflow(
		workflow('psQueueTrigger01', [
			{
				id: 't',
				name: 'PartnerStack Trigger',
				type: 'n8n-nodes-partnerstack.partnerStackTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
				credentials: PS_CREDENTIAL,
				parameters: { events: ['customer.created'], options: {} },
			},
		]),
	);
	await cluster.startMain();
	await cluster.startWorker('worker-1');
	await cluster.startWorker('worker-2');
	await cluster.startWebhookProcessor();
	await cluster.n8n.login();
});

afterAll(async () => {
	await cluster.stop();
	await emulator.stop();
});

it('a workflow the main instance starts on its schedule runs on a worker, and its result is in PostgreSQL', async () => {
	await activate('psQueueAction001');
	const execution = await cluster.waitFor(
		() => executionsOf('psQueueAction001').find((entry) => entry.status === 'success'),
		'a scheduled execution',
	);
	await deactivate('psQueueAction001');
	expect(execution.mode).toBe('trigger');
	expect(await workerOf(execution.id)).toBeDefined();
	expect(cluster.logOf('main')).not.toContain(`Worker started execution ${execution.id} `);
	// The PartnerStack node's output as stored: every partner of the demo program.
	for (const email of DEMO.partnerships!.map((partner: { email: string }) => partner.email))
		expect(executionData(execution.id)).toContain(email);
	expect(executionData(execution.id)).toContain(`"partnersCounted"`);
});

it('activating on the main instance registers exactly one webhook, pointing at the webhook processor', async () => {
	await activate('psQueueTrigger01');
	const hooks = await cluster.waitFor(
		async () => ((await activeHooks()).length ? activeHooks() : undefined),
		'the hook',
	);
	expect(hooks).toHaveLength(1);
	expect(hooks[0].target_url).toMatch(
		new RegExp(
			`^http://127\\.0\\.0\\.1:${cluster.ports.webhook}/webhook/${TRIGGER_WEBHOOK_ID}/webhook\\?token=[0-9a-f]{64}$`,
		),
	);
});

it('a delivery to the webhook processor starts an execution that a worker runs; a forged one is refused', async () => {
	const created = await emulator.api('POST', '/api/v2/customers', {
		email: 'queued@example.com',
		partner_key: 'ada',
		customer_key: 'queued-1',
	});
	expect(created.status).toBe(200);
	const [delivery] = await emulator.deliveries();
	expect(delivery).toMatchObject({ event: 'customer.created', status: 200 });
	const execution = await cluster.waitFor(
		() => executionsOf('psQueueTrigger01').find((entry) => entry.status === 'success'),
		'the webhook execution',
	);
	expect(execution.mode).toBe('webhook');
	expect(await workerOf(execution.id)).toBeDefined();
	expect(executionData(execution.id)).toContain('queued-1');

	const forged = await fetch(
		`http://127.0.0.1:${cluster.ports.webhook}/webhook/${TRIGGER_WEBHOOK_ID}/webhook?token=${'0'.repeat(64)}`,
		{
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ key: 'x', event: 'customer.created' }),
		},
	);
	expect(forged.status).toBe(401);
	// A redelivery reaches a process that has never seen the first: only PostgreSQL (static data) knows it.
	await emulator.admin('POST', '/deliveries/0/redeliver');
	await emulator.deliveries();
	await new Promise((resolve) => setTimeout(resolve, 2000));
	expect(executionsOf('psQueueTrigger01')).toHaveLength(1);
});

it('restarting the main instance leaves one hook; deactivating removes it', async () => {
	const [before] = await activeHooks();
	await cluster.stopProcess('main');
	await cluster.startMain();
	await cluster.n8n.login();
	await new Promise((resolve) => setTimeout(resolve, 3000));
	const hooks = await activeHooks();
	expect(hooks.map((hook) => hook.key)).toEqual([before.key]);
	await deactivate('psQueueTrigger01');
	await cluster.waitFor(
		async () => ((await activeHooks()).length === 0 ? true : undefined),
		'the hook to be archived',
	);
});

it(`two rowByRow imports on two workers at once, under a ${RATE_LIMIT}/min limit, import every row exactly once, with few 429s`, async () => {
	await emulator.faults({ rateLimitPerMinute: RATE_LIMIT });
	await emulator.clearRequests();
	await activate('psQueueImport001');
	const url = `http://127.0.0.1:${cluster.ports.webhook}/webhook/queue-import`;
	// n8n 2.x registers the webhook just after answering the activation: a 404 starts nothing, so it is sent again.
	const start = (file: string) =>
		cluster.waitFor(
			async () => {
				const answer = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ file }),
				});
				return answer.status === 404 ? undefined : answer;
			},
			`the import webhook for ${file}`,
			30_000,
		);
	const answers = await Promise.all(['alpha', 'beta'].map(start));
	expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
	const runs = await cluster.waitFor(
		() => {
			const done = executionsOf('psQueueImport001').filter(
				(entry) => entry.status !== 'running' && entry.status !== 'new',
			);
			return done.length === 2 ? done : undefined;
		},
		'both imports',
		400_000,
	);
	await deactivate('psQueueImport001');
	expect(runs.map((run) => run.status)).toEqual(['success', 'success']);
	// One import per worker: each has concurrency 1, so the two ran side by side.
	expect(new Set(await Promise.all(runs.map((run) => workerOf(run.id))))).toEqual(
		new Set(['worker-1', 'worker-2']),
	);
	for (const run of runs)
		expect(executionData(run.id)).toMatch(
			new RegExp(`"total":${ROWS_PER_FILE},"imported":${ROWS_PER_FILE},"skipped":0,"failed":0`),
		);
	const customers = (await emulator.state<{ customer_key: string }>('customers')).map(
		(customer) => customer.customer_key,
	);
	for (const prefix of ['alpha', 'beta']) {
		const mine = customers.filter((key) => key?.startsWith(`${prefix}-`));
		expect(mine).toHaveLength(ROWS_PER_FILE);
		expect(new Set(mine).size).toBe(ROWS_PER_FILE);
	}
	// Each run's pacer starts at 4 000/min and finds its share by itself: together they use the limit, with few 429s.
	const requests = await emulator.requests();
	const limited = requests.filter((request) => request.status === 429).length;
	const accepted = requests.filter((request) => request.status !== 429);
	const minutes = (accepted[accepted.length - 1].at - requests[0].at) / 60_000;
	const acceptedPerMinute = accepted.length / minutes;
	console.log(
		`queue-mode import: ${requests.length} requests, ${limited} answered 429 (${((limited / requests.length) * 100).toFixed(1)} %), ${Math.round(acceptedPerMinute)} accepted a minute under a ${RATE_LIMIT}/min limit`,
	);
	expect(limited / requests.length).toBeLessThanOrEqual(0.03);
	expect(acceptedPerMinute).toBeGreaterThanOrEqual(RATE_LIMIT * 0.8);
	await emulator.faults({ rateLimitPerMinute: 0 });
});
