/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { PartnerStackTrigger } from '../../nodes/PartnerStack/PartnerStackTrigger.node';
import {
	firstDelivery,
	deliveryFingerprint,
	MAX_REMEMBERED_DELIVERIES,
} from '../../nodes/PartnerStack/trigger/deliveries';
import { TRIGGER_EVENTS } from '../../nodes/PartnerStack/trigger/events';
import { signingSecret, tokenHash } from '../../nodes/PartnerStack/trigger/security';
import { KEYS } from '../support/emulator';
import { credentialsFor, hookContextOnEngine, webhookContextOnEngine } from '../support/engine';
import { DEMO, startEmulator } from '../support/node';
import { distinctDeliveries } from '../support/seedPayloads';

const emulator = startEmulator();
const trigger = new PartnerStackTrigger();
const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/4b0e7c1a-trigger/webhook';

interface Hook {
	key: string;
	target_url: string;
	events: string[];
	archived: boolean;
	/** The signing secret PartnerStack was given (the emulator's state shows it; its API never does). */
	secret: string | null;
}

function hookContext(
	events: string[],
	staticData: IDataObject = {},
	webhookUrl = WEBHOOK_URL,
	keys = KEYS.production,
) {
	return hookContextOnEngine({
		credentials: credentialsFor(emulator.url, keys),
		parameters: { events },
		nodeStaticData: staticData,
		webhookUrl,
	});
}

const activeHooks = async () =>
	(await emulator.state<Hook>('webhooks')).filter((hook) => !hook.archived);
const call = (
	method: 'checkExists' | 'create' | 'delete',
	context: ReturnType<typeof hookContext>,
) => trigger.webhookMethods.default[method].call(context as never);

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
		expect(await call('checkExists', context)).toBe(true);
	});

	it('keeps no secret in static data: neither the URL token nor the signing secret, only what checks them', async () => {
		const context = hookContext(['customer.created']);
		await call('create', context);
		const [hook] = await activeHooks();
		const token = new URL(hook.target_url).searchParams.get('token')!;
		expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
		const stored = JSON.stringify(context.staticData);
		for (const secret of [token, hook.secret!, KEYS.production.secretKey])
			expect(stored).not.toContain(secret);
		expect(Object.keys(context.staticData).sort()).toEqual([
			'webhookBase',
			'webhookEvents',
			'webhookId',
			'webhookSigningSalt',
			'webhookSigningSecretHash',
			'webhookTokenHash',
		]);
		// The secret PartnerStack got is derived again from the credential and the salt, and matches the stored hash.
		expect(
			signingSecret(KEYS.production.secretKey, String(context.staticData.webhookSigningSalt)),
		).toBe(hook.secret);
		expect(tokenHash(hook.secret)).toBe(context.staticData.webhookSigningSecretHash);
	});

	it('registers again when the credential changed (its signing secret no longer matches) or the static data holds a secret as is', async () => {
		const context = hookContext(['customer.created']);
		await call('create', context);
		// The workflow now uses another credential (here the program's test keys): another secret key.
		expect(
			await call(
				'checkExists',
				hookContext(['customer.created'], context.staticData, WEBHOOK_URL, KEYS.test),
			),
		).toBe(false);
		expect(await activeHooks()).toHaveLength(0);

		const legacy = hookContext(['customer.created']);
		await call('create', legacy);
		Object.assign(legacy.staticData, { webhookSigningSecret: 'c'.repeat(64) });
		expect(await call('checkExists', legacy)).toBe(false);
		expect(legacy.staticData.webhookSigningSecret).toBeUndefined();
		await call('create', legacy);
		expect(legacy.staticData.webhookSigningSecret).toBeUndefined();
		expect(await activeHooks()).toHaveLength(1);
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
	const salt = 'b'.repeat(64);
	const secret = signingSecret(KEYS.production.secretKey, salt);
	// Each test's static data belongs to a hook of its own (the record this process keeps is per hook).
	const stored = () =>
		({
			webhookId: `whk_${Math.random().toString(36).slice(2)}`,
			webhookTokenHash: tokenHash(token),
			webhookSigningSalt: salt,
			webhookSigningSecretHash: tokenHash(secret),
		}) as IDataObject;
	function delivery(
		body: IDataObject,
		{
			query = { token } as IDataObject,
			headers = {},
			events = ['customer.created'],
			forms = [] as string[],
			staticData = stored(),
			rawBody = Buffer.from(JSON.stringify(body)),
			options = {},
		} = {},
	) {
		const context = webhookContextOnEngine({
			credentials: credentialsFor(emulator.url, KEYS.production),
			parameters: { events, forms, options },
			nodeStaticData: staticData,
			request: { body, headers, query, rawBody },
		});
		return { context, run: () => trigger.webhook.call(context as never) };
	}
	const customer = {
		key: 'cust_1',
		email: 'a@b.example',
		partner_key: 'ada',
		created_at: 1,
		updated_at: 2,
		event: 'customer.created',
	};
	const DUPLICATE = { webhookResponse: { received: true, ignored: 'duplicate delivery' } };

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
		const good = createHmac('sha256', secret).update(JSON.stringify(customer)).digest('hex');
		expect(
			(await delivery(customer, { headers: { 'x-partnerstack-signature': good } }).run())
				.workflowData,
		).toBeDefined();
		// Signed with the right secret, but another body than the one sent.
		const tampered = delivery(
			{ ...customer, email: 'x@y.example' },
			{ headers: { 'x-partnerstack-signature': good } },
		);
		expect(await tampered.run()).toEqual({ noWebhookResponse: true });
	});

	it('cannot check a signature once the credential changed: 401, and a warning that says what to do', async () => {
		const good = createHmac('sha256', secret).update(JSON.stringify(customer)).digest('hex');
		const context = webhookContextOnEngine({
			credentials: credentialsFor(emulator.url, {
				publicKey: KEYS.production.publicKey,
				secretKey: 'sk_live_rotated',
			}),
			parameters: { events: ['customer.created'], forms: [], options: {} },
			nodeStaticData: stored(),
			request: {
				body: customer,
				headers: { 'x-partnerstack-signature': good },
				query: { token },
				rawBody: Buffer.from(JSON.stringify(customer)),
			},
		});
		expect(await trigger.webhook.call(context as never)).toEqual({ noWebhookResponse: true });
		expect(context.response.statusCode).toBe(401);
		expect(context.logs.find((line) => line.level === 'warn')?.message).toMatch(
			/credential changed.*deactivate and activate/,
		);
	});

	it('acknowledges and drops events not subscribed, and applications outside the chosen forms', async () => {
		expect(await delivery({ ...customer, event: 'customer.updated' }).run()).toEqual({
			webhookResponse: { received: true, ignored: 'event not subscribed' },
		});
		const application = {
			key: 'appl_1',
			mold_key: 'mold_Other',
			event: 'application.created',
			updated_at: 1,
		};
		const scoped = { events: ['application.created'], forms: ['mold_Appl'] };
		expect((await delivery(application, scoped).run()).workflowData).toBeUndefined();
		expect(
			(await delivery({ ...application, mold_key: 'mold_Appl' }, scoped).run()).workflowData,
		).toBeDefined();
	});

	it('understands v1 event names (customer_created)', async () => {
		expect(
			(await delivery({ ...customer, event: 'customer_created' }).run()).workflowData,
		).toBeDefined();
	});

	it('starts the workflow once for a byte-identical redelivery; any other body runs', async () => {
		const staticData = stored();
		expect((await delivery(customer, { staticData }).run()).workflowData).toBeDefined();
		expect(await delivery(customer, { staticData }).run()).toEqual(DUPLICATE);
		expect(
			(await delivery({ ...customer, updated_at: 3 }, { staticData }).run()).workflowData,
		).toBeDefined();
		// The same object and update time, another change: a distinct event.
		expect(
			(await delivery({ ...customer, email: 'new@b.example' }, { staticData }).run()).workflowData,
		).toBeDefined();
		// The record holds fingerprints of bodies, nothing of the payload itself.
		expect(JSON.stringify(staticData)).not.toContain('cust_1');
	});

	it('recognises a redelivery by the raw bytes n8n received', async () => {
		const staticData = stored();
		const raw = Buffer.from('{ "key": "cust_1", "event": "customer.created" }');
		expect(
			(await delivery(customer, { staticData, rawBody: raw }).run()).workflowData,
		).toBeDefined();
		expect(await delivery(customer, { staticData, rawBody: Buffer.from(raw) }).run()).toEqual(
			DUPLICATE,
		);
	});

	it('concurrent deliveries: n8n saves the static data of each whole, the last save wins, and still a redelivery runs once', async () => {
		const saved = stored();
		const [first, second] = distinctDeliveries('partner_team.member_joined');
		// Both requests load the static data as saved before either ran (n8n loads it per request).
		const loadedByFirst = structuredClone(saved);
		const loadedBySecond = structuredClone(saved);
		const teamJoin = (body: IDataObject, staticData: IDataObject) =>
			delivery(body, { staticData, events: ['partner_team.member_joined'] }).run();
		expect((await teamJoin(first, loadedByFirst)).workflowData).toBeDefined();
		expect((await teamJoin(second, loadedBySecond)).workflowData).toBeDefined();
		// The first request's save lands last: the database holds its record only.
		const database = structuredClone(loadedByFirst);
		expect(await teamJoin(second, structuredClone(database))).toEqual(DUPLICATE);
		expect(await teamJoin(first, structuredClone(database))).toEqual(DUPLICATE);
		// The next delivery's static data carries both again.
		const next = structuredClone(database);
		await teamJoin({ ...second, email: 'third@ada.example' }, next);
		expect(Object.keys(next.recentDeliveryHashes as IDataObject)).toHaveLength(3);
	});

	it('with a window of 0, every delivery runs and nothing is recorded', async () => {
		const staticData = stored();
		for (let n = 0; n < 2; n++)
			expect(
				(await delivery(customer, { staticData, options: { duplicateWindowMinutes: 0 } }).run())
					.workflowData,
			).toBeDefined();
		expect(staticData.recentDeliveryHashes).toBeUndefined();
	});

	describe.each(TRIGGER_EVENTS.map((option) => String(option.value)))(
		'%s, shaped as PartnerStack documents it',
		(event) => {
			it('two distinct deliveries both start the workflow; a redelivery of either starts nothing', async () => {
				const staticData = stored();
				const [first, second] = distinctDeliveries(event);
				expect(first).not.toEqual(second);
				const run = (body: IDataObject) => delivery(body, { staticData, events: [event] }).run();
				expect((await run(first)).workflowData![0]).toEqual([{ json: first }]);
				expect((await run(second)).workflowData![0]).toEqual([{ json: second }]);
				expect(await run(first)).toEqual(DUPLICATE);
				expect(await run(second)).toEqual(DUPLICATE);
			});
		},
	);
});

describe('the redelivery record', () => {
	const hour = 3_600_000;

	it('forgets a delivery once the window, counted from its first receipt, has passed', () => {
		const staticData: IDataObject = {};
		const fingerprint = deliveryFingerprint(Buffer.from('{"a":1}'), undefined);
		expect(firstDelivery(staticData, fingerprint, hour, 'window-test', 0)).toBe(true);
		expect(firstDelivery(staticData, fingerprint, hour, 'window-test', hour / 2)).toBe(false);
		expect(firstDelivery(staticData, fingerprint, hour, 'window-test', hour)).toBe(false);
		expect(firstDelivery(staticData, fingerprint, hour, 'window-test', hour + 1)).toBe(true);
		expect(firstDelivery(staticData, fingerprint, hour, 'window-test', hour + 2)).toBe(false);
	});

	it('stays bounded: past the limit the oldest are forgotten, and never a new one', () => {
		const staticData: IDataObject = { recentDeliveries: { 'customer.created|cust_1|2': 1 } };
		const fingerprints = Array.from({ length: MAX_REMEMBERED_DELIVERIES + 5 }, (_, n) =>
			deliveryFingerprint(Buffer.from(`{"n":${n}}`), undefined),
		);
		fingerprints.forEach((fingerprint, n) =>
			expect(firstDelivery(staticData, fingerprint, hour, 'limit-test', 1000 + n)).toBe(true),
		);
		const record = staticData.recentDeliveryHashes as Record<string, number>;
		expect(Object.keys(record)).toHaveLength(MAX_REMEMBERED_DELIVERIES);
		expect(record[fingerprints[4]]).toBeUndefined();
		expect(record[fingerprints[5]]).toBe(1005);
		expect(firstDelivery(staticData, fingerprints.at(-1)!, hour, 'limit-test', 5000)).toBe(false);
		// The record of earlier versions (identity fields) is dropped.
		expect(staticData.recentDeliveries).toBeUndefined();
		expect(JSON.stringify(staticData).length).toBeLessThan(70 * MAX_REMEMBERED_DELIVERIES);
	});

	it('without raw bytes, the parsed body stands in', () => {
		expect(deliveryFingerprint(undefined, { a: 1 })).toBe(
			deliveryFingerprint(Buffer.from('{"a":1}'), undefined),
		);
		expect(deliveryFingerprint(undefined, { a: 1 })).not.toBe(
			deliveryFingerprint(undefined, { a: 2 }),
		);
	});
});

describe('every event family, delivered by the emulator', () => {
	let receiver: Server;
	const received: Array<{ url: string; body: IDataObject; raw: Buffer; signature?: string }> = [];
	let url = '';

	beforeAll(async () => {
		receiver = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk) => chunks.push(chunk));
			request.on('end', () => {
				const raw = Buffer.concat(chunks);
				const signature = request.headers['x-partnerstack-signature'] as string | undefined;
				received.push({ url: request.url!, body: JSON.parse(raw.toString()), raw, signature });
				response.end('ok');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook/family/webhook`;
	});
	afterAll(() => new Promise((resolve) => receiver.close(resolve)));

	it('every event starts the workflow with its documented fields; two joins of one team and two completions of one course all run', async () => {
		const events = TRIGGER_EVENTS.map((option) => String(option.value));
		const hookState: IDataObject = {};
		await call('create', hookContext(events, hookState, url));
		received.length = 0;

		const api = (method: string, path: string, body?: unknown) =>
			emulator.api(method, `/api/v2${path}`, body);
		const training = (body: IDataObject) => emulator.admin('POST', '/training-completions', body);
		await api('POST', '/partnerships', {
			email: 'fam@example.com',
			partner_key: 'fam',
			group_key: 'grup_Affiliates0001',
		});
		await api('PATCH', '/partnerships/fam', { group_key: 'grup_Resellers00001' });
		await api('PATCH', '/partnerships/fam/tags', { add: ['x'] });
		await api('POST', '/partnerships/fam/member', {
			email: 'm@fam.example',
			first_name: 'Mia',
			last_name: 'Fam',
		});
		await api('POST', '/partnerships/fam/member', {
			email: 'n@fam.example',
			first_name: 'Noa',
			last_name: 'Fam',
		});
		await api('POST', '/customers', {
			email: 'c@fam.example',
			partner_key: 'fam',
			customer_key: 'famc',
		});
		await api('PATCH', '/customers/famc', { name: 'Fam Co' });
		await api('POST', '/transactions', {
			customer_external_key: 'famc',
			amount: 100,
			currency: 'USD',
		});
		await api('DELETE', '/customers/famc');
		await api('POST', '/deals', { partner_key: 'fam', stage: 'New', external_key: 'fam-deal' });
		await api('PATCH', '/deals/fam-deal', { stage: 'Closed Won' });
		await api('POST', '/leads', {
			partner_key: 'fam',
			external_key: 'fam-lead',
			status: 'open',
			meta: { first_name: 'L', last_name: 'D' },
		});
		await api('PATCH', '/leads/fam-lead', { approved: true });
		await api('POST', '/leads', {
			partner_key: 'fam',
			external_key: 'fam-lead-2',
			status: 'open',
			meta: { first_name: 'L', last_name: 'E' },
		});
		await api('PATCH', '/leads/fam-lead-2', { approved: false });
		for (const [email, approved] of [
			['appl@example.com', true],
			['appl2@example.com', false],
		] as const) {
			const application = await api('POST', '/applications', {
				email,
				first_name: 'Ap',
				last_name: 'Plicant',
				group_key: 'grup_Resellers00001',
				mold_key: 'mold_Appl',
			});
			await api('PATCH', `/applications/${application.body.data.key}/decision`, { approved });
		}
		await training({ type: 'course', id: 4711, name: 'Selling the product', partner_key: 'fam' });
		await training({ type: 'course', id: 4711, name: 'Selling the product', partner_key: 'ada' });
		await training({
			type: 'learning_path',
			id: 12,
			name: 'Partner onboarding',
			partner_key: 'fam',
		});
		await emulator.deliveries();

		const outputs: IDataObject[] = [];
		for (const delivery of received) {
			const query = Object.fromEntries(new URL(delivery.url, 'http://x').searchParams);
			const context = webhookContextOnEngine({
				credentials: credentialsFor(emulator.url, KEYS.production),
				parameters: { events, forms: [], options: {} },
				nodeStaticData: hookState,
				request: {
					body: delivery.body,
					headers: { 'x-partnerstack-signature': delivery.signature },
					query,
					rawBody: delivery.raw,
				},
			});
			// Signed by the emulator with the secret it was given: the node checks it with the secret derived again.
			expect(delivery.signature).toMatch(/^[0-9a-f]{64}$/);
			const result = await trigger.webhook.call(context as never);
			expect(result.workflowData).toBeDefined();
			outputs.push(result.workflowData![0][0].json);
		}
		expect(new Set(outputs.map((o) => o.event))).toEqual(new Set(events));
		const byFamily = (prefix: string) => outputs.filter((o) => String(o.event).startsWith(prefix));
		for (const output of outputs.filter(
			(o) => !/^(partner_team|training)\./.test(String(o.event)),
		)) {
			expect(output.key).toEqual(expect.any(String));
			expect(output.created_at).toEqual(expect.any(Number));
			// The application's approval creates the applicant's own partnership (its partnership.created is not fam's).
			const fromApplication =
				String(output.event).startsWith('application.') || output.email === 'appl@example.com';
			if (!fromApplication) expect(output.partner_key).toBe('fam');
		}
		const joins = byFamily('partner_team.');
		expect(joins).toHaveLength(2);
		for (const join of joins) {
			expect(Object.keys(join).sort()).toEqual([
				'email',
				'event',
				'first_name',
				'joined_at',
				'last_name',
				'team',
			]);
			expect(join.team).toEqual({ key: expect.stringMatching(/^stck_/), name: expect.any(String) });
		}
		expect(joins[0].team).toEqual(joins[1].team);
		const courses = outputs.filter((o) => o.event === 'training.course_completed');
		expect(courses).toHaveLength(2);
		for (const completion of byFamily('training.')) {
			expect(Object.keys(completion).sort()).toEqual([
				'company_key',
				'completed_at',
				'event',
				'id',
				'name',
				'partnership',
			]);
			expect(completion.partnership).toMatchObject({
				key: expect.any(String),
				partner_key: expect.any(String),
				email: expect.any(String),
				group: expect.any(Object),
			});
		}
		expect(courses.map((c) => [c.id, (c.partnership as IDataObject).partner_key])).toEqual([
			[4711, 'fam'],
			[4711, 'ada'],
		]);
		const partnership = outputs.find((o) => o.event === 'partnership.group_updated')!;
		expect(partnership.group).toEqual({
			key: 'grup_Resellers00001',
			name: 'Resellers',
			slug: 'resellers',
		});
		const approvedApplication = outputs.find((o) => o.event === 'application.approved')!;
		expect(approvedApplication).toMatchObject({
			approved: true,
			mold_key: 'mold_Appl',
			group: { key: 'grup_Resellers00001' },
		});
	});
});
