// Runs our nodes on n8n's own engine: n8n-core's WorkflowExecute runs a one-node workflow (the input items stand in
// for whatever node came before), the way n8n's own node tests run workflow fixtures — with the emulator over
// loopback in place of request mocks. Everything the node touches is n8n's: parameter resolution and expressions
// (n8n-workflow), httpRequestWithAuthentication, binary data helpers, continueOnFail and pairedItem handling, error
// recording (n8n-core). No database and no n8n process: the only n8n piece written for the tests is the credentials
// store (engineCredentials.ts), which in n8n lives in the `n8n` package with the database, not in n8n-core.
// engineSetup.ts sets n8n-core up: this package's node types, a run's additional data, the instance folder.
//
// n8n-core is pinned to 1.122.48 because that is the n8n-core n8n 1.123.x ships (our e2e 1.x line), and it
// depends on exactly the n8n-workflow 1.120.31 our devDependencies resolve — one n8n-workflow in the tree, so
// `instanceof NodeApiError` and the engine's error handling see the same classes as the node code.
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	HookContext,
	LoadOptionsContext,
	PollContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type WorkflowExecuteMode,
	type WorkflowParameters,
} from 'n8n-workflow';

import type { Credentials } from './engineCredentials';
import {
	additionalDataFor,
	EXECUTION_ID,
	lookup,
	nodeOf,
	nodeTypes,
	settingsOf,
	thrown,
	WORKFLOW,
	type NodeName,
} from './engineSetup';

export { credentialsFor, type Credentials } from './engineCredentials';
export { stopEngine, type NodeName } from './engineSetup';

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

/**
 * Per-item parameters become what a user would write: an expression reading the item's json (a resource
 * locator keeps its mode and takes its value from the expression).
 */
function withItemParameters(
	parameters: IDataObject,
	items: INodeExecutionData[],
	itemParameters: IDataObject[] = [],
) {
	const names = [...new Set(itemParameters.flatMap((overrides) => Object.keys(overrides)))];
	const resolved: IDataObject = { ...parameters };
	const inputs = items.map((item) => ({ ...item, json: { ...item.json } }));
	for (const name of names) {
		const values = itemParameters.map((overrides) => overrides[name]);
		const locator = values.every(
			(value) => typeof value === 'object' && value !== null && (value as IDataObject).__rl,
		);
		const field = `__${name}`;
		inputs.forEach((item, index) => {
			item.json[field] = locator ? (values[index] as IDataObject).value : values[index];
		});
		const expression = `={{ $json[${JSON.stringify(field)}] }}`;
		resolved[name] = locator ? { ...(values[0] as IDataObject), value: expression } : expression;
	}
	return { parameters: resolved, items: inputs };
}

/** The one-node workflow every context below runs in (active for triggers, as n8n activates them). */
function oneNodeWorkflow(
	node: INode,
	{
		active = false,
		staticData,
		settings,
	}: Partial<Pick<WorkflowParameters, 'active' | 'staticData' | 'settings'>> = {},
) {
	return new Workflow({
		...WORKFLOW,
		nodes: [node],
		connections: {},
		active,
		nodeTypes,
		staticData,
		settings,
	});
}

/** The node of a run: PartnerStack with its parameters, item expressions resolved per item, continueOnFail. */
function nodeOfRun(
	name: NodeName,
	options: Pick<EngineRunOptions, 'parameters' | 'items' | 'itemParameters' | 'continueOnFail'>,
) {
	const { parameters, items } = withItemParameters(
		options.parameters ?? {},
		options.items ?? [{ json: {} }],
		options.itemParameters,
	);
	const node = nodeOf(
		name,
		parameters,
		options.continueOnFail ? { onError: 'continueRegularOutput' } : {},
	);
	return { node, items };
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

/** Runs one node of this package as a workflow on n8n-core's WorkflowExecute. */
export async function runOnEngine(options: EngineRunOptions): Promise<EngineResult> {
	// An active workflow's run, as the former hand-written context answered; tests of the editor's runs pass 'manual'.
	const mode = options.mode ?? 'trigger';
	const { node, items } = nodeOfRun(options.node ?? 'PartnerStack', options);
	const workflow = oneNodeWorkflow(node, {
		staticData: options.staticData,
		settings: settingsOf(options),
	});
	const hooks = new ExecutionLifecycleHooks(mode, EXECUTION_ID, {
		...WORKFLOW,
		nodes: [node],
		connections: {},
		active: false,
	} as never);
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});
	thrown.clear();
	const engine = new WorkflowExecute(
		additionalDataFor(options.credentials, hooks, options.userId),
		mode,
		runExecutionData,
	);
	// n8n refuses to start a workflow whose node has issues (a required parameter left empty, unless it is an
	// expression): say which, since a test that meets this asks for something no n8n user can run.
	const issues = engine.checkReadyForExecution(workflow, { startNode: node.name });
	if (issues)
		throw new Error(
			`n8n refuses to run this workflow, the node has issues: ${JSON.stringify(issues)}`,
		);
	const run = await engine.processRunExecutionData(workflow);
	const [task] = run.data.resultData.runData[node.name] ?? [];
	const recorded = (task?.error ?? run.data.resultData.error) as EngineResult['recorded'];
	if (!recorded) return { items: task?.data?.main?.[0] ?? [], workflow };
	// The thrown error when it is the one n8n recorded; otherwise (an engine-side failure) the record itself.
	const last = thrown.last();
	const original =
		last instanceof Error && last.message === recorded.message
			? (last as EngineResult['error'])
			: undefined;
	return {
		items: [],
		error: original ?? Object.assign(new Error(recorded.message), recorded),
		recorded,
		workflow,
	};
}

/**
 * A poller as n8n's trigger service builds it: one workflow holding the static data, a PollContext per poll.
 * `nodeStaticData` is the node's own part of it (n8n keeps it under `node:<node name>`).
 */
export function pollerOnEngine(options: {
	credentials: Credentials;
	parameters: IDataObject;
	mode?: WorkflowExecuteMode;
	nodeStaticData?: IDataObject;
	timezone?: string;
}) {
	const node = nodeOf('PartnerStackPollingTrigger', options.parameters);
	const staticData = { [`node:${node.name}`]: options.nodeStaticData ?? {} };
	const workflow = oneNodeWorkflow(node, {
		active: true,
		staticData,
		settings: settingsOf(options),
	});
	const type = lookup(node.type);
	const mode = options.mode ?? 'trigger';
	return {
		workflow,
		poll: async () =>
			await type.poll!.call(
				new PollContext(
					workflow,
					node,
					additionalDataFor(options.credentials, undefined),
					mode,
					mode === 'manual' ? 'manual' : 'activate',
				),
			),
	};
}

/** Runs a node's loadOptions / listSearch method in n8n's LoadOptionsContext, as the editor's requests do. */
export function loadOptionsContext(options: {
	credentials: Credentials;
	node?: NodeName;
	parameters?: IDataObject;
}) {
	const parameters = { ...(options.parameters ?? {}) } as INodeParameters;
	const node = nodeOf(options.node ?? 'PartnerStack', parameters);
	const workflow = oneNodeWorkflow(node);
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
	const logger = getter!.call({}) as Record<
		LogLine['level'],
		(message: string, meta?: unknown) => void
	>;
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
	const [, webhookBaseUrl, webhookId] =
		/^(.*\/webhook)\/([^/]+)\/webhook$/.exec(
			options.webhookUrl ?? 'http://127.0.0.1:5678/webhook/4b0e7c1a-trigger/webhook',
		) ?? [];
	const node = nodeOf('PartnerStackTrigger', options.parameters, { webhookId });
	const nodeStaticData = options.nodeStaticData ?? {};
	const workflow = oneNodeWorkflow(node, {
		active: true,
		staticData: { [`node:${node.name}`]: nodeStaticData },
	});
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
	additionalData.httpRequest = {
		body: request.body ?? {},
		headers: request.headers ?? {},
		query: request.query ?? {},
		params: {},
		rawBody: request.rawBody,
	} as never;
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
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		'trigger',
		webhookData as never,
		[],
		null,
	);
	const logs: LogLine[] = [];
	observeLogger(context, logs);
	return Object.assign(context, { staticData: nodeStaticData, response, logs });
}

/**
 * The context n8n runs a node's execute() in, for tests of the transport on its own. `requests` and `logs`
 * observe what the code under test asked n8n's helpers and logger for; both still do their real work.
 */
export function executeContextOnEngine(
	options: Pick<
		EngineRunOptions,
		'credentials' | 'parameters' | 'items' | 'itemParameters' | 'continueOnFail'
	>,
) {
	const { node, items } = nodeOfRun('PartnerStack', options);
	const workflow = oneNodeWorkflow(node);
	const executeData = { node, data: { main: [items] }, source: null };
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [executeData] },
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(options.credentials, undefined),
		'trigger',
		runExecutionData,
		0,
		items,
		{ main: [items] },
		executeData,
		[],
	);
	const requests: IHttpRequestOptions[] = [];
	const logs: LogLine[] = [];
	const { helpers } = context;
	const httpRequest = helpers.httpRequest.bind(helpers);
	const httpRequestWithAuthentication = helpers.httpRequestWithAuthentication.bind(context);
	helpers.httpRequest = async (request: IHttpRequestOptions) => {
		requests.push(request);
		return await httpRequest(request);
	};
	helpers.httpRequestWithAuthentication = async (
		type: string,
		request: IHttpRequestOptions,
		...rest: unknown[]
	) => {
		requests.push(request);
		return await (httpRequestWithAuthentication as (...args: unknown[]) => Promise<unknown>)(
			type,
			request,
			...rest,
		);
	};
	observeLogger(context, logs);
	return Object.assign(context, { requests, logs });
}

export type EngineContext = ReturnType<typeof executeContextOnEngine>;
