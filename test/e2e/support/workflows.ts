// Builders for the workflows the end-to-end tests import: a Manual Trigger followed by PartnerStack nodes.
export const CREDENTIAL_ID = 'psE2eCredential1';

export function credential(baseUrl: string, keys: { publicKey: string; secretKey: string }, { id = CREDENTIAL_ID, sandbox = false } = {}) {
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
		{ id: 'manual', name: 'Manual', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
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
				? { credentials: { partnerStackApi: { id: step.credentialId ?? CREDENTIAL_ID, name: `PartnerStack ${step.credentialId ?? CREDENTIAL_ID}` } } }
				: {}),
		});
		connections[previous] = { main: [[{ node: step.name, type: 'main', index: 0 }]] };
		previous = step.name;
	});
	return { id, workflow: { id, name, active: false, settings: {}, nodes, connections } };
}
