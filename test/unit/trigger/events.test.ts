/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';

import { TRIGGER_EVENTS } from '../../../nodes/PartnerStack/trigger/events';
import { KEYS } from '../../support/emulator';
import { credentialsFor, webhookContextOnEngine } from '../../support/engine';
import { DEMO, emulatorWith } from '../../support/node';
import { hookHelpersOn, trigger } from '../../support/trigger';

const emulator = emulatorWith(DEMO);
const { hookContext, call } = hookHelpersOn(emulator);

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
