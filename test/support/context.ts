// An n8n execution context for unit tests. Its HTTP helpers are real: they send requests over loopback with
// the semantics of n8n's httpRequest / httpRequestWithAuthentication (qs, json, returnFullResponse,
// ignoreHttpStatusErrors, arraybuffer, timeout) and the credential's own `authenticate` definition.
// The end-to-end suite runs the same code inside a real n8n.
import type { IDataObject, IHttpRequestOptions, INode, INodeExecutionData } from 'n8n-workflow';

import { PartnerStackApi } from '../../credentials/PartnerStackApi.credentials';

export interface Credentials {
	publicKey: string;
	secretKey: string;
	sandbox?: boolean;
	baseUrl: string;
}

export interface LogLine {
	level: string;
	message: string;
	meta?: unknown;
}

const node: INode = {
	id: 'test-node',
	name: 'PartnerStack',
	type: 'n8n-nodes-partnerstack.partnerStack',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Resolves `={{$credentials.publicKey}}`-style values of the credential's `authenticate` definition. */
function resolveCredentialExpression(value: string, credentials: Credentials): string {
	const match = /^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/.exec(value);
	return match ? String((credentials as unknown as IDataObject)[match[1]] ?? '') : value;
}

async function realHttpRequest(options: IHttpRequestOptions & { auth?: { username: string; password: string } }) {
	const url = new URL(options.url, options.baseURL);
	for (const [name, value] of Object.entries(options.qs ?? {})) {
		if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
	}
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = String(value);
	if (options.auth) {
		headers.authorization = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
	}
	let body: string | Buffer | undefined;
	if (Buffer.isBuffer(options.body)) body = options.body;
	else if (options.body !== undefined && options.method !== 'GET') {
		body = JSON.stringify(options.body);
		headers['content-type'] ??= 'application/json';
	}
	const response = await fetch(url, {
		method: options.method ?? 'GET',
		headers,
		body,
		signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
	});
	const raw = Buffer.from(await response.arrayBuffer());
	let parsed: unknown = raw;
	if (options.encoding !== 'arraybuffer') {
		const text = raw.toString('utf8');
		try {
			parsed = options.json || /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
		} catch {
			parsed = text;
		}
	}
	if (!response.ok && !options.ignoreHttpStatusErrors) {
		throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
			httpCode: String(response.status),
			response: { status: response.status, data: parsed },
		});
	}
	const responseHeaders = Object.fromEntries(response.headers.entries());
	return options.returnFullResponse
		? { body: parsed, headers: responseHeaders, statusCode: response.status, statusMessage: response.statusText }
		: parsed;
}

export interface ContextOptions {
	credentials: Credentials;
	parameters?: IDataObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Per-item parameters (index → overrides), for runs where items differ. */
	itemParameters?: IDataObject[];
	/** Trigger contexts: the node's webhook URL, its static data, the incoming request, the run mode. */
	webhookUrl?: string;
	staticData?: IDataObject;
	request?: { body?: unknown; headers?: IDataObject; query?: IDataObject; rawBody?: Buffer };
	mode?: string;
	/** The workflow's time zone (`getTimezone()`): n8n's default GENERIC_TIMEZONE unless a test sets one. */
	timezone?: string;
}

export function createContext(options: ContextOptions) {
	const logs: LogLine[] = [];
	const requests: IHttpRequestOptions[] = [];
	const credentialType = new PartnerStackApi();
	const items: INodeExecutionData[] = options.items ?? [{ json: {} }];

	const parameterValue = (name: string, itemIndex: number, fallback: unknown, extractValue?: boolean) => {
		const merged = { ...(options.parameters ?? {}), ...(options.itemParameters?.[itemIndex] ?? {}) };
		let value: unknown = merged;
		for (const part of name.split('.')) value = (value as IDataObject | undefined)?.[part];
		if (value === undefined) return fallback;
		if (extractValue && typeof value === 'object' && value !== null && 'value' in value) {
			return (value as IDataObject).value;
		}
		return value;
	};

	const context = {
		logs,
		requests,
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail ?? false,
		getCredentials: async () => ({ ...options.credentials }) as unknown as IDataObject,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, extra?: { extractValue?: boolean }) =>
			parameterValue(name, itemIndex, fallback, extra?.extractValue),
		getCurrentNodeParameter: (name: string) => parameterValue(name, 0, undefined),
		staticData: options.staticData ?? {},
		response: { statusCode: 200, body: undefined as unknown },
		getWorkflowStaticData(this: { staticData: IDataObject }) {
			return this.staticData;
		},
		getNodeWebhookUrl: () => options.webhookUrl,
		getWorkflow: () => ({ id: 'wf-test', name: 'Unit test workflow', active: false }),
		getExecutionId: () => 'exec-test',
		getMode: () => options.mode ?? 'trigger',
		getTimezone: () => options.timezone ?? 'America/New_York',
		getBodyData: () => (options.request?.body ?? {}) as IDataObject,
		getHeaderData: () => options.request?.headers ?? {},
		getQueryData: () => options.request?.query ?? {},
		getRequestObject: () => ({ rawBody: options.request?.rawBody }),
		getResponseObject(this: { response: { statusCode: number; body: unknown } }) {
			const response = this.response;
			const writer = {
				status(code: number) {
					response.statusCode = code;
					return writer;
				},
				json(body: unknown) {
					response.body = body;
					return writer;
				},
			};
			return writer;
		},
		logger: {
			debug: (message: string, meta?: unknown) => logs.push({ level: 'debug', message, meta }),
			info: (message: string, meta?: unknown) => logs.push({ level: 'info', message, meta }),
			warn: (message: string, meta?: unknown) => logs.push({ level: 'warn', message, meta }),
			error: (message: string, meta?: unknown) => logs.push({ level: 'error', message, meta }),
		},
		helpers: {
			httpRequest: async (request: IHttpRequestOptions) => {
				requests.push(request);
				return await realHttpRequest(request);
			},
			httpRequestWithAuthentication: async (type: string, request: IHttpRequestOptions) => {
				if (type !== credentialType.name) throw new Error(`unexpected credential type ${type}`);
				requests.push(request);
				const auth = credentialType.authenticate.properties.auth as { username: string; password: string };
				return await realHttpRequest({
					...request,
					auth: {
						username: resolveCredentialExpression(auth.username, options.credentials),
						password: resolveCredentialExpression(auth.password, options.credentials),
					},
				});
			},
			prepareBinaryData: async (buffer: Buffer, fileName?: string, mimeType?: string) => ({
				data: buffer.toString('base64'),
				fileName,
				mimeType: mimeType ?? 'application/octet-stream',
				fileSize: String(buffer.length),
			}),
			returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			assertBinaryData: (itemIndex: number, property: string) => {
				const binary = items[itemIndex]?.binary?.[property];
				if (!binary) throw new Error(`This operation expects the node's input data to contain a binary file '${property}', but none was found`);
				return binary;
			},
		},
	};
	return context;
}

export type TestContext = ReturnType<typeof createContext>;

export function credentialsFor(url: string, keys: { publicKey: string; secretKey: string }, sandbox = false): Credentials {
	return { ...keys, baseUrl: url, sandbox };
}
