import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import {
	firstDelivery,
	deliveryFingerprint,
	MAX_REMEMBERED_DELIVERIES,
} from '../../../nodes/PartnerStack/trigger/deliveries';
import { TRIGGER_EVENTS } from '../../../nodes/PartnerStack/trigger/events';
import { signingSecret, tokenHash } from '../../../nodes/PartnerStack/trigger/security';
import { KEYS } from '../../support/emulator';
import { credentialsFor, webhookContextOnEngine } from '../../support/engine';
import { DEMO, emulatorWith } from '../../support/node';
import { distinctDeliveries } from '../../support/seedPayloads';
import { trigger } from '../../support/trigger';

const emulator = emulatorWith(DEMO);

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
