// Issue 16 end to end (n8n 2.x): the action node is offered to n8n's AI Agent as a tool. Its tool variant is in
// n8n's node types, a saved workflow that connects it to an AI Agent loads and activates, and the tool runs on
// its own (n8n's "execute step" of a tool node: no model, fixed parameters) and answers PartnerStack's data.
/* eslint-disable @typescript-eslint/no-explicit-any -- n8n's execution JSON */
import { sleep } from 'n8n-workflow';

import { EmulatorProcess, KEYS } from '../support/emulator';
import { DEMO } from '../support/node';
import { N8N_MAJOR, N8nInstance } from './support/n8n';
import { freePort } from './support/ports';
import { credential, CREDENTIAL_ID } from './support/workflows';

jest.setTimeout(300_000);

const WORKFLOW_ID = 'psE2eAiTool00001';
const TOOL = 'PartnerStack Tool';
const emulator = new EmulatorProcess();
let n8n: N8nInstance;

/** n8n's REST answers execution data in the `flatted` format: an array whose strings are indices into itself. */
function unflatten(text: string): any {
	const table = JSON.parse(text) as unknown[];
	const revived = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (revived.has(index)) return revived.get(index);
		const value = table[index];
		if (typeof value !== 'object' || value === null) return value;
		const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		revived.set(index, copy);
		for (const [name, entry] of Object.entries(value))
			(copy as Record<string, unknown>)[name] =
				typeof entry === 'string' ? revive(Number(entry)) : entry;
		return copy;
	};
	return revive(0);
}

const workflow = {
	id: WORKFLOW_ID,
	name: 'PartnerStack as an AI tool',
	active: false,
	settings: {},
	nodes: [
		{
			id: 'chat',
			name: 'Chat',
			type: '@n8n/n8n-nodes-langchain.chatTrigger',
			typeVersion: 1.1,
			position: [0, 0],
			webhookId: '4f6c1d2e-9a7b-4c3d-8e5f-1a2b3c4d5e6f',
			parameters: { options: {} },
		},
		{
			id: 'manual',
			name: 'Manual',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 200],
			parameters: {},
		},
		{
			id: 'agent',
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 1.7,
			position: [300, 0],
			parameters: { options: {} },
		},
		{
			id: 'model',
			name: 'Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOllama',
			typeVersion: 1,
			position: [200, 250],
			parameters: { model: 'llama3.2:latest', options: {} },
			credentials: { ollamaApi: { id: 'psE2eOllama00001', name: 'Ollama (never called)' } },
		},
		{
			id: 'tool',
			name: TOOL,
			type: 'n8n-nodes-partnerstack.partnerStackTool',
			typeVersion: 1,
			position: [400, 250],
			parameters: {
				descriptionType: 'manual',
				toolDescription: 'Lists the partner tiers of the PartnerStack program',
				resource: 'tier',
				operation: 'getAll',
				returnAll: true,
				filters: {},
			},
			credentials: {
				partnerStackApi: { id: CREDENTIAL_ID, name: `PartnerStack ${CREDENTIAL_ID}` },
			},
		},
	],
	connections: {
		Chat: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		Manual: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		Model: { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
		[TOOL]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
	},
};

const onTwo = N8N_MAJOR >= 2 ? describe : describe.skip;

onTwo('the PartnerStack node as an AI Agent tool (n8n 2.x)', () => {
	beforeAll(async () => {
		n8n = new N8nInstance();
		await emulator.start();
		await emulator.reset({ ...DEMO, tiers: [{ key: 'tier_Gold', name: 'Gold' }] });
		n8n.importCredentials([
			credential(emulator.url, KEYS.production),
			{
				id: 'psE2eOllama00001',
				name: 'Ollama (never called)',
				type: 'ollamaApi',
				data: { baseUrl: 'http://127.0.0.1:9' },
			},
		]);
		n8n.importWorkflow(workflow);
		await n8n.start(await freePort());
		await n8n.login();
	});
	afterAll(async () => {
		await n8n.stop();
		await emulator.stop();
		n8n.remove();
	});

	it("offers the tool variant in n8n's node types", async () => {
		const types =
			await n8n.editorFile<
				Array<{ name: string; outputs?: unknown; properties: Array<{ name: string }> }>
			>('/types/nodes.json');
		expect(types.status).toBe(200);
		const tool = types.body.find((type) => type.name === 'n8n-nodes-partnerstack.partnerStackTool');
		expect(tool).toBeDefined();
		expect(JSON.stringify(tool!.outputs)).toContain('ai_tool');
		expect(tool!.properties.map((property) => property.name)).toEqual(
			expect.arrayContaining(['resource', 'operation']),
		);
	});

	it('a saved workflow connecting it to an AI Agent loads and activates', async () => {
		const saved = await n8n.rest('GET', `/workflows/${WORKFLOW_ID}`);
		expect(saved.status).toBe(200);
		expect(saved.body.data.connections[TOOL].ai_tool[0][0].node).toBe('AI Agent');
		const activated = await n8n.rest('POST', `/workflows/${WORKFLOW_ID}/activate`, {
			versionId: saved.body.data.versionId,
		});
		expect(activated.status).toBe(200);
		const deactivated = await n8n.rest('POST', `/workflows/${WORKFLOW_ID}/deactivate`);
		expect(deactivated.status).toBe(200);
	});

	it('runs on its own without a model and answers the tiers', async () => {
		await emulator.clearRequests();
		const saved = await n8n.rest('GET', `/workflows/${WORKFLOW_ID}`);
		const started = await n8n.rest('POST', `/workflows/${WORKFLOW_ID}/run`, {
			triggerToStartFrom: { name: 'Manual' },
			destinationNode: { nodeName: TOOL, mode: 'inclusive' },
			// No tool name: the executor runs the one tool connected, with the query's (here: no) model-chosen values.
			agentRequest: { query: {} },
			workflowData: saved.body.data,
		});
		expect(started.status).toBe(200);
		const executionId = started.body.data.executionId as string;
		let execution: any;
		for (let attempt = 0; attempt < 60; attempt++) {
			execution = (await n8n.rest('GET', `/executions/${executionId}`)).body.data;
			if (execution?.finished || ['success', 'error', 'crashed'].includes(execution?.status)) break;
			await sleep(500);
		}
		expect(execution.status).toBe('success');
		const { runData } = unflatten(execution.data).resultData;
		// The tool's own run answers the agent (ai_tool) with the operation's items, simplified.
		const [toolRun] = runData[TOOL];
		expect(toolRun.data.ai_tool[0][0].json.response).toEqual([
			{
				key: 'tier_Gold',
				name: 'Gold',
				created_at: expect.any(Number),
				updated_at: expect.any(Number),
			},
		]);
		expect((await emulator.requests()).map((request) => [request.method, request.path])).toEqual([
			['GET', '/api/v2/tiers'],
		]);
	});
});
