// Builders for the workflows the end-to-end tests import: a Manual Trigger followed by PartnerStack nodes.
import { EmulatorProcess, KEYS } from '../../support/emulator';
import { N8nInstance, type ExecutionResult } from './n8n';

export const CREDENTIAL_ID = 'psE2eCredential1';

export function credential(
	baseUrl: string,
	keys: { publicKey: string; secretKey: string },
	{ id = CREDENTIAL_ID, sandbox = false } = {},
) {
	return {
		id,
		name: `PartnerStack ${id}`,
		type: 'partnerStackApi',
		data: { publicKey: keys.publicKey, secretKey: keys.secretKey, sandbox, baseUrl },
	};
}

export interface StepNode {
	name: string;
	type?: string;
	parameters: Record<string, unknown>;
	onError?: 'continueRegularOutput' | 'stopWorkflow';
	credentialId?: string;
	typeVersion?: number;
}

let counter = 0;

/** Manual Trigger → steps in a chain. Answers the workflow and its id. */
export function chainWorkflow(name: string, steps: StepNode[]) {
	counter += 1;
	const id = `psE2e${String(Date.now()).slice(-6)}${String(counter).padStart(4, '0')}`.slice(0, 16);
	const nodes: Array<Record<string, unknown>> = [
		{
			id: 'manual',
			name: 'Manual',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections: Record<string, unknown> = {};
	let previous = 'Manual';
	steps.forEach((step, index) => {
		const type = step.type ?? 'n8n-nodes-partnerstack.partnerStack';
		nodes.push({
			id: `step${index}`,
			name: step.name,
			type,
			typeVersion: step.typeVersion ?? 1,
			position: [220 * (index + 1), 0],
			parameters: step.parameters,
			...(step.onError ? { onError: step.onError } : {}),
			...(type.startsWith('n8n-nodes-partnerstack.') || step.credentialId
				? {
						credentials: {
							partnerStackApi: {
								id: step.credentialId ?? CREDENTIAL_ID,
								name: `PartnerStack ${step.credentialId ?? CREDENTIAL_ID}`,
							},
						},
					}
				: {}),
		});
		connections[previous] = { main: [[{ node: step.name, type: 'main', index: 0 }]] };
		previous = step.name;
	});
	return { id, workflow: { id, name, active: false, settings: {}, nodes, connections } };
}

/**
 * One emulator and one n8n for a test file whose tests each run a chain of PartnerStack nodes: the emulator is reset
 * to `seed` before each test; `run` imports and executes a chain and fails with n8n's output unless it succeeded.
 */
export function chainSuite(seed: unknown) {
	const emulator = new EmulatorProcess();
	const n8n = new N8nInstance();
	beforeAll(async () => {
		await emulator.start();
		n8n.importCredentials([credential(emulator.url, KEYS.production)]);
	});
	beforeEach(async () => {
		await emulator.reset(seed);
	});
	afterAll(async () => {
		await emulator.stop();
		n8n.remove();
	});
	const run = (name: string, steps: StepNode[]) => {
		const { id, workflow } = chainWorkflow(name, steps);
		n8n.importWorkflow(workflow);
		const result = n8n.execute(id);
		if (result.status !== 'success')
			throw new Error(`workflow "${name}" did not succeed:\n${result.output.slice(0, 4000)}`);
		return result;
	};
	const output = (result: ExecutionResult, node: string) => result.runData[node][0].data!.main[0];
	return { emulator, n8n, run, output };
}
