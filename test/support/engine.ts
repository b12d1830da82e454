/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test code, not node code: it observes the node's errors and rethrows them unchanged */
// Runs our nodes on n8n's own engine: n8n-core's WorkflowExecute runs a one-node workflow (the input items stand in
// for whatever node came before), the way n8n's own node tests run workflow fixtures — with the emulator over
// loopback in place of request mocks. Everything the node touches is n8n's: parameter resolution and expressions
// (n8n-workflow), httpRequestWithAuthentication, binary data helpers, continueOnFail and pairedItem handling, error
// recording (n8n-core). No database and no n8n process: the only piece written here is the credentials store,
// which in n8n lives in the `n8n` package (with the database), not in n8n-core.
//
// n8n-core is pinned to 1.122.48 because that is the n8n-core n8n 1.123.x ships (our e2e 1.x line), and it
// depends on exactly the n8n-workflow 1.120.31 our devDependencies resolve — one n8n-workflow in the tree, so
// `instanceof NodeApiError` and the engine's error handling see the same classes as the node code.
import { Container } from '@n8n/di';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecuteContext, ExecutionLifecycleHooks, HookContext, LoadOptionsContext, PollContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import { ScheduledTaskManager } from 'n8n-core/dist/execution-engine/scheduled-task-manager';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import {
	createRunExecutionData,
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { PartnerStackApi } from '../../credentials/PartnerStackApi.credentials';
import { PartnerStack } from '../../nodes/PartnerStack/PartnerStack.node';
import { PartnerStackImport } from '../../nodes/PartnerStack/PartnerStackImport.node';
import { PartnerStackPollingTrigger } from '../../nodes/PartnerStack/PartnerStackPollingTrigger.node';
import { PartnerStackTrigger } from '../../nodes/PartnerStack/PartnerStackTrigger.node';

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

export interface Credentials {
	publicKey: string;
	secretKey: string;
	sandbox?: boolean;
	baseUrl: string;
}

export function credentialsFor(url: string, keys: { publicKey: string; secretKey: string }, sandbox = false): Credentials {
	return { ...keys, baseUrl: url, sandbox };
}

const PACKAGE = 'n8n-nodes-partnerstack';
const NODE_CLASSES = { PartnerStack, PartnerStackImport, PartnerStackPollingTrigger, PartnerStackTrigger };
export type NodeName = keyof typeof NODE_CLASSES;

const nodeTypeInstances = new Map<string, INodeType>();
for (const NodeClass of Object.values(NODE_CLASSES)) {
	const instance = new NodeClass() as INodeType;
	nodeTypeInstances.set(`${PACKAGE}.${instance.description.name}`, instance);
}

/** The node types n8n would have loaded from this package. */
const nodeTypes: INodeTypes = {
	getByName: (type) => lookup(type),
	getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(lookup(type), version),
	getKnownTypes: () => ({}),
};

/**
 * What the node threw, before n8n recorded it: the engine keeps a copy of the error's fields (not its class), and
 * tests also assert the class (NodeApiError / NodeOperationError). Observed, not changed: the error is rethrown.
 */
let lastThrown: unknown;
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

function lookup(type: string): INodeType {
	const found = nodeTypeInstances.get(type);
	if (!found) throw new Error(`unknown node type ${type}`);
	return found;
}

/**
 * n8n's credentials store without its database: answers our test credentials. Defaults, expressions and the
 * credential type's generic `authenticate` are applied as n8n's own CredentialsHelper (packages/cli) does it,
 * through n8n-workflow's expression engine; n8n-core exposes no implementation of these to reuse.
 */
class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types: Record<string, ICredentialType> = { partnerStackApi: new PartnerStackApi() };

	constructor(private readonly credentials: Credentials) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`unknown credential type ${name}`);
		return type;
	}

	getParentTypes(): string[] {
		return [];
	}

	getCredentialsProperties(type: string) {
		return this.type(type).properties;
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions, workflow: Workflow, node: INode) {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type !== 'generic') return requestOptions;
		requestOptions.headers ??= {};
		const resolve = (value: string) => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
			return resolved ? String(resolved as string) : '';
		};
		const target = requestOptions as unknown as Record<string, Record<string, string>>;
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
				target[outerKey] ??= {};
				target[outerKey][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('the test credentials store holds decrypted credentials only');
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
		mode: WorkflowExecuteMode,
	): Promise<ICredentialDataDecryptedObject> {
		// As n8n does: fill in the type's defaults, then resolve any expression in the values.
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			{ ...this.credentials } as unknown as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		const workflow = new Workflow({ nodes: [], connections: {}, active: false, nodeTypes });
		const probe: INode = { id: 'credentials', name: 'credentials', type: 'mock', typeVersion: 1, position: [0, 0], parameters: {} };
		void additionalData;
		return workflow.expression.getComplexParameterValue(probe, withDefaults as INodeParameters, mode, {}, undefined, undefined, withDefaults as INodeParameters) as ICredentialDataDecryptedObject;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}
}

export interface EngineRunOptions {
	node?: NodeName;
	credentials: Credentials;
	parameters?: IDataObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Per-item parameter values: handed to the node as n8n would, by expressions reading each item's json. */
	itemParameters?: IDataObject[];
	mode?: WorkflowExecuteMode;
	userId?: string;
	staticData?: IDataObject;
	/** The workflow's time zone setting; n8n's default (GENERIC_TIMEZONE, America/New_York) otherwise. */
	timezone?: string;
}

const WORKFLOW = { id: 'wf-test', name: 'Unit test workflow' };
const EXECUTION_ID = 'exec-test';

function additionalDataFor(credentials: Credentials, hooks: ExecutionLifecycleHooks | undefined, userId?: string) {
	const unavailable = (what: string) => async () => {
		throw new Error(`${what} is not available in unit tests`);
	};
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(credentials),
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

/**
 * Per-item parameters become what a user would write: an expression reading the item's json (a resource
 * locator keeps its mode and takes its value from the expression).
 */
function withItemParameters(parameters: IDataObject, items: INodeExecutionData[], itemParameters: IDataObject[] = []) {
	const names = [...new Set(itemParameters.flatMap((overrides) => Object.keys(overrides)))];
	const resolved: IDataObject = { ...parameters };
	const inputs = items.map((item) => ({ ...item, json: { ...item.json } }));
	for (const name of names) {
		const values = itemParameters.map((overrides) => overrides[name]);
		const locator = values.every((value) => typeof value === 'object' && value !== null && (value as IDataObject).__rl);
		const field = `__${name}`;
		inputs.forEach((item, index) => {
			item.json[field] = locator ? (values[index] as IDataObject).value : values[index];
		});
		const expression = `={{ $json[${JSON.stringify(field)}] }}`;
		resolved[name] = locator ? { ...(values[0] as IDataObject), value: expression } : expression;
	}
	return { parameters: resolved, items: inputs };
}

export interface EngineResult {
	/** The node's first output, as n8n recorded it (pairedItem included). */
	items: INodeExecutionData[];
	/** The error the node failed with (n8n records a copy of its fields as the run's error). */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	/** The error as n8n recorded it in the run data. */
	recorded?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	workflow: Workflow;
}

const settingsOf = ({ timezone }: { timezone?: string }) => (timezone ? { timezone } : {});

/** Runs one node of this package as a workflow on n8n-core's WorkflowExecute. */
export async function runOnEngine(options: EngineRunOptions): Promise<EngineResult> {
	// An active workflow's run, as the former hand-written context answered; tests of the editor's runs pass 'manual'.
	const mode = options.mode ?? 'trigger';
	const { parameters, items } = withItemParameters(options.parameters ?? {}, options.items ?? [{ json: {} }], options.itemParameters);
	const node = nodeOf(options.node ?? 'PartnerStack', parameters, options.continueOnFail ? { onError: 'continueRegularOutput' } : {});
	const workflow = new Workflow({ ...WORKFLOW, nodes: [node], connections: {}, active: false, nodeTypes, staticData: options.staticData, settings: settingsOf(options) });
	const hooks = new ExecutionLifecycleHooks(mode, EXECUTION_ID, { ...WORKFLOW, nodes: [node], connections: {}, active: false } as never);
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});
	lastThrown = undefined;
	const engine = new WorkflowExecute(additionalDataFor(options.credentials, hooks, options.userId), mode, runExecutionData);
	// n8n refuses to start a workflow whose node has issues (a required parameter left empty, unless it is an
	// expression): say which, since a test that meets this asks for something no n8n user can run.
	const issues = engine.checkReadyForExecution(workflow, { startNode: node.name });
	if (issues) throw new Error(`n8n refuses to run this workflow, the node has issues: ${JSON.stringify(issues)}`);
	const run = await engine.processRunExecutionData(workflow);
	const [task] = run.data.resultData.runData[node.name] ?? [];
	const recorded = (task?.error ?? run.data.resultData.error) as EngineResult['recorded'];
	if (!recorded) return { items: task?.data?.main?.[0] ?? [], workflow };
	// The thrown error when it is the one n8n recorded; otherwise (an engine-side failure) the record itself.
	const thrown = lastThrown instanceof Error && lastThrown.message === recorded.message ? (lastThrown as EngineResult['error']) : undefined;
	return { items: [], error: thrown ?? Object.assign(new Error(recorded.message), recorded), recorded, workflow };
}

/**
 * A poller as n8n's trigger service builds it: one workflow holding the static data, a PollContext per poll.
 * `nodeStaticData` is the node's own part of it (n8n keeps it under `node:<node name>`).
 */
export function pollerOnEngine(options: { credentials: Credentials; parameters: IDataObject; mode?: WorkflowExecuteMode; nodeStaticData?: IDataObject; timezone?: string }) {
	const node = nodeOf('PartnerStackPollingTrigger', options.parameters);
	const staticData = { [`node:${node.name}`]: options.nodeStaticData ?? {} };
	const workflow = new Workflow({ ...WORKFLOW, nodes: [node], connections: {}, active: true, nodeTypes, staticData, settings: settingsOf(options) });
	const type = lookup(node.type);
	const mode = options.mode ?? 'trigger';
	return {
		workflow,
		poll: async () => await type.poll!.call(new PollContext(workflow, node, additionalDataFor(options.credentials, undefined), mode, mode === 'manual' ? 'manual' : 'activate')),
	};
}

/** Runs a node's loadOptions / listSearch method in n8n's LoadOptionsContext, as the editor's requests do. */
export function loadOptionsContext(options: { credentials: Credentials; node?: NodeName; parameters?: IDataObject }) {
	const parameters = { ...(options.parameters ?? {}) } as INodeParameters;
	const node = nodeOf(options.node ?? 'PartnerStack', parameters);
	const workflow = new Workflow({ ...WORKFLOW, nodes: [node], connections: {}, active: false, nodeTypes });
	// As n8n's dynamic-parameters service: the editor's parameters as sent (the workflow keeps only displayed ones).
	const additionalData = additionalDataFor(options.credentials, undefined);
	additionalData.currentNodeParameters = parameters;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}

export interface LogLine {
	level: string;
	message: string;
	meta?: unknown;
}

/**
 * Records what the code under test logs through a context's `logger`, and still hands it to n8n's logger. That
 * logger is read from the getter the context class inherits (memoized on first read, so it is read off a scratch
 * object, leaving the context's own `logger` free to be the observing one).
 */
function observeLogger(context: object, logs: LogLine[]) {
	let prototype: object | null = context;
	let getter: (() => unknown) | undefined;
	while (prototype && !getter) {
		getter = Object.getOwnPropertyDescriptor(prototype, 'logger')?.get;
		prototype = Object.getPrototypeOf(prototype) as object | null;
	}
	const logger = getter!.call({}) as Record<LogLine['level'], (message: string, meta?: unknown) => void>;
	const observed = Object.fromEntries(
		(['debug', 'info', 'warn', 'error'] as const).map((level) => [
			level,
			(message: string, meta?: unknown) => {
				logs.push({ level, message, meta });
				logger[level](message, meta);
			},
		]),
	);
	Object.defineProperty(context, 'logger', { value: observed });
}

export interface WebhookNodeOptions {
	credentials: Credentials;
	parameters: IDataObject;
	/** The node's own static data (n8n keeps it under `node:<node name>`), shared by the contexts made from it. */
	nodeStaticData?: IDataObject;
	/** The node's production webhook URL, `<base>/webhook/<webhook id>/webhook`, as n8n derives it. */
	webhookUrl?: string;
	/** A delivery, as n8n's webhook server hands the parsed request to the node. */
	request?: { body?: unknown; headers?: IDataObject; query?: IDataObject; rawBody?: Buffer };
}

function webhookWorkflow(options: WebhookNodeOptions) {
	const [, webhookBaseUrl, webhookId] = /^(.*\/webhook)\/([^/]+)\/webhook$/.exec(options.webhookUrl ?? 'http://127.0.0.1:5678/webhook/4b0e7c1a-trigger/webhook') ?? [];
	const node = nodeOf('PartnerStackTrigger', options.parameters, { webhookId });
	const nodeStaticData = options.nodeStaticData ?? {};
	const workflow = new Workflow({ ...WORKFLOW, nodes: [node], connections: {}, active: true, nodeTypes, staticData: { [`node:${node.name}`]: nodeStaticData } });
	const additionalData = additionalDataFor(options.credentials, undefined);
	additionalData.webhookBaseUrl = webhookBaseUrl;
	return { node, workflow, additionalData, nodeStaticData };
}

/** The context n8n's activation hands the trigger's webhookMethods (checkExists / create / delete). */
export function hookContextOnEngine(options: WebhookNodeOptions) {
	const { node, workflow, additionalData, nodeStaticData } = webhookWorkflow(options);
	const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate');
	const logs: LogLine[] = [];
	observeLogger(context, logs);
	return Object.assign(context, { staticData: nodeStaticData, logs });
}

/** The context n8n's webhook server runs the trigger's webhook() in; `response` records what the node answered. */
export function webhookContextOnEngine(options: WebhookNodeOptions) {
	const { node, workflow, additionalData, nodeStaticData } = webhookWorkflow(options);
	const response = { statusCode: 200, body: undefined as unknown };
	const writer = {
		status(code: number) {
			response.statusCode = code;
			return writer;
		},
		json(body: unknown) {
			response.body = body;
			return writer;
		},
		send(body: unknown) {
			response.body = body;
			return writer;
		},
		end() {
			return writer;
		},
	};
	const request = options.request ?? {};
	additionalData.httpRequest = { body: request.body ?? {}, headers: request.headers ?? {}, query: request.query ?? {}, params: {}, rawBody: request.rawBody } as never;
	additionalData.httpResponse = writer as never;
	const [description] = lookup(node.type).description.webhooks ?? [];
	const webhookData = {
		httpMethod: description.httpMethod,
		node: node.name,
		path: `${node.webhookId}/${String(description.path)}`,
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
	const context = new WebhookContext(workflow, node, additionalData, 'trigger', webhookData as never, [], null);
	const logs: LogLine[] = [];
	observeLogger(context, logs);
	return Object.assign(context, { staticData: nodeStaticData, response, logs });
}


/**
 * The context n8n runs a node's execute() in, for tests of the transport on its own. `requests` and `logs`
 * observe what the code under test asked n8n's helpers and logger for; both still do their real work.
 */
export function executeContextOnEngine(options: { credentials: Credentials; parameters?: IDataObject; items?: INodeExecutionData[] }) {
	const node = nodeOf('PartnerStack', options.parameters ?? {});
	const workflow = new Workflow({ ...WORKFLOW, nodes: [node], connections: {}, active: false, nodeTypes });
	const items = options.items ?? [{ json: {} }];
	const executeData = { node, data: { main: [items] }, source: null };
	const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: [executeData] } });
	const context = new ExecuteContext(workflow, node, additionalDataFor(options.credentials, undefined), 'trigger', runExecutionData, 0, items, { main: [items] }, executeData, []);
	const requests: IHttpRequestOptions[] = [];
	const logs: LogLine[] = [];
	const { helpers } = context;
	const httpRequest = helpers.httpRequest.bind(helpers);
	const httpRequestWithAuthentication = helpers.httpRequestWithAuthentication.bind(context);
	helpers.httpRequest = async (request: IHttpRequestOptions) => {
		requests.push(request);
		return await httpRequest(request);
	};
	helpers.httpRequestWithAuthentication = async (type: string, request: IHttpRequestOptions, ...rest: unknown[]) => {
		requests.push(request);
		return await (httpRequestWithAuthentication as (...args: unknown[]) => Promise<unknown>)(type, request, ...rest);
	};
	observeLogger(context, logs);
	return Object.assign(context, { requests, logs });
}

export type EngineContext = ReturnType<typeof executeContextOnEngine>;
