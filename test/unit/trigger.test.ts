/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { PartnerStackTrigger } from '../../nodes/PartnerStack/PartnerStackTrigger.node';
import { tokenHash } from '../../nodes/PartnerStack/trigger/security';
import { KEYS } from '../support/emulator';
import { credentialsFor, hookContextOnEngine, webhookContextOnEngine } from '../support/engine';
import { DEMO, startEmulator } from '../support/node';

const emulator = startEmulator();
const trigger = new PartnerStackTrigger();
const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/4b0e7c1a-trigger/webhook';

interface Hook {
	key: string;
	target_url: string;
	events: string[];
	archived: boolean;
}

function hookContext(events: string[], staticData: IDataObject = {}, webhookUrl = WEBHOOK_URL) {
	return hookContextOnEngine({ credentials: credentialsFor(emulator.url, KEYS.production), parameters: { events }, nodeStaticData: staticData, webhookUrl });
}

const activeHooks = async () => (await emulator.state<Hook>('webhooks')).filter((hook) => !hook.archived);
const call = (method: 'checkExists' | 'create' | 'delete', context: ReturnType<typeof hookContext>) =>
	trigger.webhookMethods.default[method].call(context as never);

beforeEach(async () => {
	await emulator.reset(DEMO);
});

describe('registration', () => {
	it('create registers one hook whose URL carries a secret token; checkExists then finds it', async () => {
		const context = hookContext(['customer.created', 'partnership.created']);
		expect(await call('checkExists', context)).toBe(false);
		expect(await call('create', context)).toBe(true);
		const [hook] = await activeHooks();
		expect(hook.events).toEqual(['customer.created', 'partnership.created']);
		expect(hook.target_url).toMatch(new RegExp(`^${WEBHOOK_URL}\\?token=[0-9a-f]{64}$`));
		expect(context.staticData.webhookId).toBe(hook.key);
		expect(JSON.stringify(context.staticData)).not.toContain(new URL(hook.target_url).searchParams.get('token'));
		expect(await call('checkExists', context)).toBe(true);
	});

	it('is idempotent: re-activating with lost static data leaves one hook, not two', async () => {
		await call('create', hookContext(['customer.created']));
		const restarted = hookContext(['customer.created']);
		expect(await call('checkExists', restarted)).toBe(false);
		await call('create', restarted);
		expect(await activeHooks()).toHaveLength(1);
		expect((await activeHooks())[0].key).toBe(restarted.staticData.webhookId);
	});

	it('registers again when PartnerStack has lost the hook', async () => {
		const context = hookContext(['deal.created']);
		await call('create', context);
		await emulator.api('DELETE', `/api/v2/webhooks/${context.staticData.webhookId}`);
		expect(await call('checkExists', context)).toBe(false);
		expect(context.staticData.webhookId).toBeUndefined();
		await call('create', context);
		expect(await activeHooks()).toHaveLength(1);
	});

	it('replaces the hook when the event list changes', async () => {
		const context = hookContext(['deal.created']);
		await call('create', context);
		const changed = hookContext(['deal.created', 'deal.stage_updated'], context.staticData);
		expect(await call('checkExists', changed)).toBe(false);
		await call('create', changed);
		const hooks = await activeHooks();
		expect(hooks).toHaveLength(1);
		expect(hooks[0].events).toEqual(['deal.created', 'deal.stage_updated']);
	});

	it('delete archives the hook, and succeeds when it is already gone', async () => {
		const context = hookContext(['lead.created']);
		await call('create', context);
		expect(await call('delete', context)).toBe(true);
		expect(await activeHooks()).toHaveLength(0);
		expect(context.staticData.webhookId).toBeUndefined();
		expect(await call('delete', context)).toBe(true);
	});

	it('refuses to register without events', async () => {
		await expect(call('create', hookContext([]))).rejects.toThrow(/at least one event/);
	});
});

describe('deliveries', () => {
	const token = 'a'.repeat(64);
	const signingSecret = 'c'.repeat(64);
	const stored = () => ({ webhookTokenHash: tokenHash(token), webhookSigningSecret: signingSecret }) as IDataObject;
	function delivery(body: IDataObject, { query = { token } as IDataObject, headers = {}, events = ['customer.created'], forms = [] as string[], staticData = stored() } = {}) {
		const rawBody = Buffer.from(JSON.stringify(body));
		const context = webhookContextOnEngine({
			credentials: credentialsFor(emulator.url, KEYS.production),
			parameters: { events, forms, options: {} },
			nodeStaticData: staticData,
			request: { body, headers, query, rawBody },
		});
		return { context, run: () => trigger.webhook.call(context as never) };
	}
	const customer = { key: 'cust_1', email: 'a@b.example', partner_key: 'ada', created_at: 1, updated_at: 2, event: 'customer.created' };

	it('starts the workflow with the flat object and its event, having answered PartnerStack itself', async () => {
		const { context, run } = delivery(customer);
		const result = await run();
		expect(result.workflowData![0]).toEqual([{ json: customer }]);
		// n8n 2.x keeps the recorded delivery (static data) only when the node has answered before the run starts.
		expect(result.noWebhookResponse).toBe(true);
		expect(context.response).toEqual({ statusCode: 200, body: { received: true } });
	});

	it('refuses a forged call (no token, wrong token, bad signature) with 401 and starts nothing', async () => {
		for (const query of [{}, { token: 'b'.repeat(64) }, { token: 'short' }]) {
			const { context, run } = delivery(customer, { query });
			expect(await run()).toEqual({ noWebhookResponse: true });
			expect(context.response.statusCode).toBe(401);
		}
		const signed = delivery(customer, { headers: { 'x-partnerstack-signature': 'deadbeef' } });
		expect(await signed.run()).toEqual({ noWebhookResponse: true });
		const good = createHmac('sha256', signingSecret).update(JSON.stringify(customer)).digest('hex');
		expect((await delivery(customer, { headers: { 'x-partnerstack-signature': good } }).run()).workflowData).toBeDefined();
	});

	it('acknowledges and drops events not subscribed, and applications outside the chosen forms', async () => {
		expect(await delivery({ ...customer, event: 'customer.updated' }).run()).toEqual({ webhookResponse: { received: true, ignored: 'event not subscribed' } });
		const application = { key: 'appl_1', mold_key: 'mold_Other', event: 'application.created', updated_at: 1 };
		const scoped = { events: ['application.created'], forms: ['mold_Appl'] };
		expect((await delivery(application, scoped).run()).workflowData).toBeUndefined();
		expect((await delivery({ ...application, mold_key: 'mold_Appl' }, scoped).run()).workflowData).toBeDefined();
	});

	it('understands v1 event names (customer_created)', async () => {
		expect((await delivery({ ...customer, event: 'customer_created' }).run()).workflowData).toBeDefined();
	});

	it('starts the workflow once for a redelivery of the same event', async () => {
		const staticData = stored();
		expect((await delivery(customer, { staticData }).run()).workflowData).toBeDefined();
		expect(await delivery(customer, { staticData }).run()).toEqual({ webhookResponse: { received: true, ignored: 'duplicate delivery' } });
		expect((await delivery({ ...customer, updated_at: 3 }, { staticData }).run()).workflowData).toBeDefined();
	});
});

describe('every event family, delivered by the emulator', () => {
	let receiver: Server;
	const received: Array<{ url: string; body: IDataObject; raw: Buffer }> = [];
	let url = '';

	beforeAll(async () => {
		receiver = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk) => chunks.push(chunk));
			request.on('end', () => {
				const raw = Buffer.concat(chunks);
				received.push({ url: request.url!, body: JSON.parse(raw.toString()), raw });
				response.end('ok');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/family/webhook`;
	});
	afterAll(() => new Promise((resolve) => receiver.close(resolve)));

	it('shapes each delivery with event, key, partner key and timestamps', async () => {
		const events = [
			'application.approved', 'application.created', 'customer.created', 'customer.deleted', 'customer.updated', 'deal.created',
			'deal.stage_updated', 'deal.updated', 'lead.approved', 'lead.created', 'lead.declined', 'lead.updated', 'partner_team.member_joined',
			'partnership.created', 'partnership.group_updated', 'partnership.tags_updated', 'partnership.updated', 'training.course_completed', 'transaction.created',
		];
		const hookState: IDataObject = {};
		await call('create', hookContext(events, hookState, url));
		received.length = 0;

		const api = (method: string, path: string, body?: unknown) => emulator.api(method, `/api/v2${path}`, body);
		await api('POST', '/partnerships', { email: 'fam@example.com', partner_key: 'fam', group_key: 'grup_Affiliates0001' });
		await api('PATCH', '/partnerships/fam', { group_key: 'grup_Resellers00001' });
		await api('PATCH', '/partnerships/fam/tags', { add: ['x'] });
		await api('POST', '/partnerships/fam/member', { email: 'm@fam.example' });
		await api('POST', '/customers', { email: 'c@fam.example', partner_key: 'fam', customer_key: 'famc' });
		await api('PATCH', '/customers/famc', { name: 'Fam Co' });
		await api('POST', '/transactions', { customer_external_key: 'famc', amount: 100, currency: 'USD' });
		await api('DELETE', '/customers/famc');
		await api('POST', '/deals', { partner_key: 'fam', stage: 'New', external_key: 'fam-deal' });
		await api('PATCH', '/deals/fam-deal', { stage: 'Closed Won' });
		await api('POST', '/leads', { partner_key: 'fam', external_key: 'fam-lead', status: 'open', meta: { first_name: 'L', last_name: 'D' } });
		await api('PATCH', '/leads/fam-lead', { approved: true });
		await api('POST', '/leads', { partner_key: 'fam', external_key: 'fam-lead-2', status: 'open', meta: { first_name: 'L', last_name: 'E' } });
		await api('PATCH', '/leads/fam-lead-2', { approved: false });
		const application = await api('POST', '/applications', { email: 'appl@example.com', first_name: 'Ap', last_name: 'Plicant', group_key: 'grup_Resellers00001', mold_key: 'mold_Appl' });
		await api('PATCH', `/applications/${application.body.data.key}/decision`, { approved: true });
		await emulator.admin('POST', '/events', { event: 'training.course_completed', object: { key: 'crse_1', partner_key: 'fam', course: 'Onboarding', created_at: 1, updated_at: 1 } });
		await emulator.deliveries();

		const outputs: IDataObject[] = [];
		for (const delivery of received) {
			const query = Object.fromEntries(new URL(delivery.url, 'http://x').searchParams);
			const context = webhookContextOnEngine({
				credentials: credentialsFor(emulator.url, KEYS.production),
				parameters: { events, forms: [], options: {} },
				nodeStaticData: hookState,
				request: { body: delivery.body, headers: {}, query, rawBody: delivery.raw },
			});
			const result = await trigger.webhook.call(context as never);
			expect(result.workflowData).toBeDefined();
			outputs.push(result.workflowData![0][0].json);
		}
		expect(new Set(outputs.map((o) => o.event))).toEqual(new Set(events));
		for (const output of outputs) {
			expect(output.key).toEqual(expect.any(String));
			if (output.event !== 'training.course_completed') expect(output.created_at).toEqual(expect.any(Number));
			// The application's approval creates the applicant's own partnership (its partnership.created is not fam's).
			const fromApplication = String(output.event).startsWith('application.') || output.email === 'appl@example.com';
			if (!fromApplication) expect(output.partner_key).toBe('fam');
		}
		const partnership = outputs.find((o) => o.event === 'partnership.group_updated')!;
		expect(partnership.group).toEqual({ key: 'grup_Resellers00001', name: 'Resellers', slug: 'resellers' });
		const application2 = outputs.find((o) => o.event === 'application.approved')!;
		expect(application2).toMatchObject({ approved: true, mold_key: 'mold_Appl', group: { key: 'grup_Resellers00001' } });
	});
});
