/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// Issue 2 end to end: the packed package loads in a real n8n, the credential test tells good keys, wrong keys
// and an unreachable host apart, and workflows make authenticated calls to the emulator.
import { EmulatorProcess, KEYS } from '../support/emulator';
import { N8nInstance } from './support/n8n';
import { freePort } from './support/ports';
import { chainWorkflow, credential, CREDENTIAL_ID } from './support/workflows';

jest.setTimeout(240_000);

const emulator = new EmulatorProcess();

beforeAll(async () => {
	await emulator.start();
});
afterAll(async () => {
	await emulator.stop();
});

describe('workflows run by `n8n execute`', () => {
	const n8n = new N8nInstance();

	beforeAll(() => {
		n8n.importCredentials([credential(emulator.url, KEYS.production)]);
	});
	afterAll(() => n8n.remove());

	it('loads the package and makes an authenticated call to the emulator', async () => {
		await emulator.clearRequests();
		const { id, workflow } = chainWorkflow('foundation get', [
			{
				name: 'PartnerStack',
				parameters: {
					resource: 'partnership',
					operation: 'get',
					key: { __rl: true, mode: 'id', value: 'gstest' },
				},
			},
		]);
		n8n.importWorkflow(workflow);
		const run = n8n.execute(id);
		expect(run.status).toBe('success');
		const [item] = run.runData.PartnerStack[0].data!.main[0];
		expect(item.json).toMatchObject({ partner_key: 'gstest', test: true });
		expect(item.pairedItem).toEqual({ item: 0 });
		const requests = await emulator.requests();
		expect(requests).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: '/api/v2/partnerships/gstest',
				keyMode: 'production',
				status: 200,
			}),
		]);
	});

	it('works as a predefined credential of the HTTP Request node', async () => {
		await emulator.clearRequests();
		const { id, workflow } = chainWorkflow('foundation http', [
			{
				name: 'HTTP',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				credentialId: CREDENTIAL_ID,
				parameters: {
					method: 'GET',
					url: `${emulator.url}/api/v2/groups`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'partnerStackApi',
					options: {},
				},
			},
		]);
		n8n.importWorkflow(workflow);
		const run = n8n.execute(id);
		expect(run.status).toBe('success');
		expect(run.runData.HTTP[0].data!.main[0][0].json).toMatchObject({
			status: 200,
			data: { has_more: false },
		});
		expect((await emulator.requests())[0]).toMatchObject({
			path: '/api/v2/groups',
			keyMode: 'production',
		});
	});

	it('fails with the API message when PartnerStack refuses, and never prints the keys', async () => {
		n8n.importCredentials([
			credential(
				emulator.url,
				{ publicKey: KEYS.production.publicKey, secretKey: 'sk_wrong_e2e_secret' },
				{ id: 'psE2eBadKeys0001' },
			),
		]);
		const { id, workflow } = chainWorkflow('foundation bad keys', [
			{
				name: 'PartnerStack',
				credentialId: 'psE2eBadKeys0001',
				parameters: { resource: 'group', operation: 'getAll', returnAll: true },
			},
		]);
		n8n.importWorkflow(workflow);
		const run = n8n.execute(id);
		expect(run.code).not.toBe(0);
		expect(run.output).toMatch(/Unauthorized: invalid or missing API keys/);
		expect(run.output).not.toContain('sk_wrong_e2e_secret');
		expect(run.output).not.toContain(
			Buffer.from(`${KEYS.production.publicKey}:sk_wrong_e2e_secret`).toString('base64'),
		);
	});
});

describe('the credential test in a running n8n', () => {
	const n8n = new N8nInstance();

	beforeAll(async () => {
		n8n.importCredentials([credential(emulator.url, KEYS.production)]);
		await n8n.start(await freePort());
		await n8n.login();
	});
	afterAll(async () => {
		await n8n.stop();
		n8n.remove();
	});

	const test = (data: Record<string, unknown>) =>
		n8n.rest('POST', '/credentials/test', {
			credentials: { id: CREDENTIAL_ID, name: 'PartnerStack', type: 'partnerStackApi', data },
		});

	it('passes with good keys', async () => {
		const answer = await test({ ...KEYS.production, baseUrl: emulator.url, sandbox: false });
		expect(answer.body.data).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('says the keys are wrong on a 401', async () => {
		const answer = await test({
			publicKey: KEYS.production.publicKey,
			secretKey: 'sk_not_the_secret',
			baseUrl: emulator.url,
		});
		expect(answer.body.data.status).toBe('Error');
		// n8n 1.123 answers its own 401 text; versions that apply the credential's responseCode rule answer ours.
		expect(answer.body.data.message).toMatch(
			/Authorization failed - please check your credentials|PartnerStack refused these keys \(401\)/,
		);
		expect(JSON.stringify(answer.body)).not.toContain('sk_not_the_secret');
	});

	it('says the host is unreachable when nothing answers', async () => {
		const answer = await test({
			...KEYS.production,
			baseUrl: `http://127.0.0.1:${await freePort()}`,
		});
		expect(answer.body.data.status).toBe('Error');
		expect(answer.body.data.message).toMatch(
			/ECONNREFUSED|refused the connection - perhaps it is offline/,
		);
		expect(answer.body.data.message).not.toMatch(/Authorization failed|refused these keys/);
	});
});
