/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test code, not node code: it observes the node's errors and rethrows them unchanged */
// n8n-core set up as n8n sets it up, minus the database: this package's node types, a workflow's additional data,
// the instance folder, shutdown. test/support/engine.ts runs nodes on it.
import { Container } from '@n8n/di';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionLifecycleHooks } from 'n8n-core';
import { ScheduledTaskManager } from 'n8n-core/dist/execution-engine/scheduled-task-manager';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import {
	NodeHelpers,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { PartnerStack } from '../../nodes/PartnerStack/PartnerStack.node';
import { PartnerStackImport } from '../../nodes/PartnerStack/PartnerStackImport.node';
import { PartnerStackPollingTrigger } from '../../nodes/PartnerStack/PartnerStackPollingTrigger.node';
import { PartnerStackTrigger } from '../../nodes/PartnerStack/PartnerStackTrigger.node';
import { TestCredentialsHelper, type Credentials } from './engineCredentials';

// n8n-core keeps its instance settings (an encryption key) in the user folder: a throw-away one per test file,
// never the machine's ~/.n8n. Read when the engine first needs it, so setting it here, at load, is in time.
const userFolder = mkdtempSync(join(tmpdir(), 'partnerstack-engine-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
// n8n's logger would print every info line of the nodes into the test output.
process.env.N8N_LOG_LEVEL ??= 'silent';

/** Stops what n8n stops at shutdown: the services n8n-core starts with a node context keep interval timers. */
export function stopEngine() {
	Container.get(SSHClientsManager).onShutdown();
	Container.get(ScheduledTaskManager).deregisterAllCrons();
	rmSync(userFolder, { recursive: true, force: true });
}
// Under jest, after each test file; a script (the benchmarks) calls stopEngine() itself.
if (typeof afterAll === 'function') afterAll(stopEngine);

const PACKAGE = 'n8n-nodes-partnerstack';
const NODE_CLASSES = {
	PartnerStack,
	PartnerStackImport,
	PartnerStackPollingTrigger,
	PartnerStackTrigger,
};
export type NodeName = keyof typeof NODE_CLASSES;

const nodeTypeInstances = new Map<string, INodeType>();
for (const NodeClass of Object.values(NODE_CLASSES)) {
	const instance = new NodeClass() as INodeType;
	nodeTypeInstances.set(`${PACKAGE}.${instance.description.name}`, instance);
}

/** The node types n8n would have loaded from this package. */
export const nodeTypes: INodeTypes = {
	getByName: (type) => lookup(type),
	getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(lookup(type), version),
	getKnownTypes: () => ({}),
};

/**
 * What the node threw, before n8n recorded it: the engine keeps a copy of the error's fields (not its class), and
 * tests also assert the class (NodeApiError / NodeOperationError). Observed, not changed: the error is rethrown.
 */
let lastThrown: unknown;
export const thrown = {
	clear: () => {
		lastThrown = undefined;
	},
	last: () => lastThrown,
};
for (const instance of nodeTypeInstances.values()) {
	const execute = instance.execute;
	if (!execute) continue;
	instance.execute = async function (this: ThisParameterType<typeof execute>) {
		try {
			return await execute.call(this);
		} catch (error) {
			lastThrown = error;
			throw error;
		}
	};
}

export function lookup(type: string): INodeType {
	const found = nodeTypeInstances.get(type);
	if (!found) throw new Error(`unknown node type ${type}`);
	return found;
}

export const WORKFLOW = { id: 'wf-test', name: 'Unit test workflow' };
export const EXECUTION_ID = 'exec-test';

export function additionalDataFor(
	credentials: Credentials,
	hooks: ExecutionLifecycleHooks | undefined,
	userId?: string,
) {
	const unavailable = (what: string) => async () => {
		throw new Error(`${what} is not available in unit tests`);
	};
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(credentials, nodeTypes),
		executeWorkflow: unavailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		startRunnerTask: unavailable('startRunnerTask'),
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		variables: {},
		executionId: EXECUTION_ID,
		userId,
		hooks,
	};
	return additionalData as unknown as IWorkflowExecuteAdditionalData;
}

/** A node as a saved workflow holds it; named PartnerStack whatever its type, as a user might name it. */
export function nodeOf(name: NodeName, parameters: IDataObject, extra: Partial<INode> = {}): INode {
	const type = new NODE_CLASSES[name]().description;
	return {
		id: `node-${type.name}`,
		name: 'PartnerStack',
		type: `${PACKAGE}.${type.name}`,
		typeVersion: Array.isArray(type.version) ? Math.max(...type.version) : type.version,
		position: [0, 0],
		parameters: parameters as INodeParameters,
		credentials: { partnerStackApi: { id: 'cred-emulator', name: 'PartnerStack emulator' } },
		...extra,
	};
}

export const settingsOf = ({ timezone }: { timezone?: string }) => (timezone ? { timezone } : {});
