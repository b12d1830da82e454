import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { listItems, type Page } from './listItems';
import type { RequestPacer } from './pacer';
import { pacerFor } from './pacer';
import { backoffDelayMs, networkErrorCode, parseRetryAfterMs, RETRY_POLICY } from './retry';

export { listItems, type Page } from './listItems';
export { ASSUMED_RATE_LIMIT_PER_MINUTE, pacerFor } from './pacer';

export type PartnerStackContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export const CREDENTIAL_TYPE = 'partnerStackApi';
export const API_V2 = '/api/v2';
/** PartnerStack's page size ceiling: Return All walks pages of this size. */
export const MAX_PAGE_SIZE = 250;

export interface PartnerStackEnvelope {
	data?: unknown;
	message?: string;
	status?: number;
}

export interface RequestOptions {
	body?: IDataObject | Buffer;
	qs?: IDataObject;
	headers?: IDataObject;
	itemIndex?: number;
	/** A POST is retried after a lost connection only when repeating it cannot create a second object. */
	idempotent?: boolean;
	/** Defaults to the run's own pacer (`pacerFor(this)`): pass one only to share it with another context. */
	pacer?: RequestPacer;
}

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

/** Hints for API messages that mislead on their own. */
const MESSAGE_HINTS: Array<[RegExp, string]> = [
	[
		/'target_(type|key)' is a required property/,
		'Recording an action needs a target: the partner key (target type "partnership") or the customer key (target type "customer"), the action type and a value of at least 1.',
	],
	[
		/partner_key .* not found/,
		'The partner key is the partner\'s unique key in PartnerStack (Partners → the partner → Partner key), not the email and not the internal "part_…" key.',
	],
	[
		/test (customers|transactions|partner)/i,
		'Test keys and production keys see the same program but cannot mix: test customers sit under test partners such as gstest, and their transactions need test keys.',
	],
];

export async function baseUrlOf(this: PartnerStackContext): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	// Accept a URL pasted with the API prefix: the nodes add /api/v2 and /v1/import themselves.
	return String(credentials.baseUrl || 'https://api.partnerstack.com')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api\/v2$/, '');
}

export async function isSandbox(this: PartnerStackContext): Promise<boolean> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	return credentials.sandbox === true;
}

/** `/partnerships` → `/api/v2/partnerships`; paths under `/api/` or `/v1/` are taken as they are. */
function resolvePath(endpoint: string): string {
	return /^\/(api|v1)\//.test(endpoint) ? endpoint : `${API_V2}${endpoint}`;
}

function apiMessage(body: unknown, statusCode: number): string {
	const message = (body as PartnerStackEnvelope | undefined)?.message;
	if (typeof message === 'string' && message.trim()) return message;
	if (typeof body === 'string' && body.trim() && body.length < 500) return body;
	return `PartnerStack answered with HTTP ${statusCode}`;
}

function apiError(
	this: PartnerStackContext,
	statusCode: number,
	body: unknown,
	method: string,
	path: string,
	itemIndex?: number,
): NodeApiError {
	const message = apiMessage(body, statusCode);
	const hint = MESSAGE_HINTS.find(([pattern]) => pattern.test(message))?.[1];
	const description = [`${method} ${path} answered HTTP ${statusCode}.`, hint]
		.filter(Boolean)
		.join(' ');
	const error = new NodeApiError(this.getNode(), { message, status: statusCode } as JsonObject, {
		message,
		description,
		httpCode: String(statusCode),
		itemIndex,
	});
	error.message = message;
	return error;
}

function rateLimitError(
	this: PartnerStackContext,
	body: unknown,
	method: string,
	path: string,
	itemIndex: number | undefined,
	why: string,
): NodeApiError {
	const error = apiError.call(this, 429, body, method, path, itemIndex);
	error.description =
		`${method} ${path} answered HTTP 429: PartnerStack's rate limit was hit and ${why}. ` +
		"Lower the node's Requests per Minute, run fewer workflows on these keys at the same time, " +
		'or let the request wait longer (Rate Limit Wait on the import node; Retry On Fail in the node settings).';
	return error;
}

/**
 * One authenticated call to PartnerStack. Answers the parsed body (the `{data, message, status}` envelope).
 * Every call of a node run waits for the run's pacer. A 429 slows the pacer down and is retried until the
 * run's rate-limit wait is used up (Retry-After first, else a growing pause); 5xx and lost connections are
 * retried a bounded number of times. Errors carry PartnerStack's message and never the keys.
 */
export async function partnerStackRequest(
	this: PartnerStackContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options: RequestOptions = {},
): Promise<PartnerStackEnvelope> {
	const baseUrl = await baseUrlOf.call(this);
	const path = resolvePath(endpoint);
	const isBuffer = Buffer.isBuffer(options.body);
	const request: IHttpRequestOptions = {
		method,
		url: `${baseUrl}${path}`,
		qs: options.qs,
		body: options.body,
		json: !isBuffer,
		headers: { Accept: 'application/json', ...options.headers },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: RETRY_POLICY.requestTimeoutMs,
	};
	const mayRepeatAfterLostConnection = method !== 'POST' || options.idempotent === true;

	const pacer = options.pacer ?? pacerFor(this);
	let limitedSince: number | undefined;
	for (let attempt = 1; ; attempt++) {
		const sentAt = await pacer.acquire();
		let response: FullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				request,
			)) as FullResponse;
		} catch (error) {
			const code = networkErrorCode(error);
			const retryable =
				RETRY_POLICY.retryableNetworkCodes.includes(code) && mayRepeatAfterLostConnection;
			if (retryable && attempt < RETRY_POLICY.maxAttempts) {
				this.logger.debug('PartnerStack request failed, retrying', { method, path, code, attempt });
				await sleep(backoffDelayMs(attempt));
				continue;
			}
			const unreachable = new NodeApiError(this.getNode(), { message: code } as JsonObject, {
				description: `${method} ${baseUrl}${path} failed after ${attempt} attempt(s) (${code}). Check the credential's API URL and the network.`,
				itemIndex: options.itemIndex,
			});
			// NodeApiError swaps known network codes for generic text; this message names the service and the code.
			unreachable.message = `PartnerStack could not be reached (${code})`;
			throw unreachable;
		}

		const { statusCode } = response;
		if (statusCode !== 429) pacer.answered(sentAt, { limited: false });
		if (statusCode < 400) {
			if (isBuffer || typeof response.body !== 'string')
				return (response.body ?? {}) as PartnerStackEnvelope;
			return safeJson(response.body);
		}
		const body = typeof response.body === 'string' ? safeJson(response.body) : response.body;
		if (statusCode === 429) {
			// Bounded by time, not by count: a limit without Retry-After can take a whole minute to reopen.
			const retryAfter = parseRetryAfterMs(response.headers?.['retry-after']);
			pacer.answered(sentAt, { limited: true, retryAfterMs: retryAfter });
			limitedSince ??= Date.now();
			const waitedMs = Date.now() - limitedSince;
			if (retryAfter !== undefined && retryAfter > RETRY_POLICY.maxRetryAfterMs) {
				throw rateLimitError.call(
					this,
					body,
					method,
					path,
					options.itemIndex,
					`it asked to wait ${Math.ceil(retryAfter / 1000)} s`,
				);
			}
			if (waitedMs + (retryAfter ?? 0) > pacer.rateLimitWaitMs) {
				throw rateLimitError.call(
					this,
					body,
					method,
					path,
					options.itemIndex,
					`the request was refused for ${Math.round(waitedMs / 1000)} s`,
				);
			}
			this.logger.debug('PartnerStack rate limit hit, retrying', {
				method,
				path,
				retryAfter,
				pacedPerMinute: Math.round(pacer.rate),
			});
			attempt--; // the pacer decides when to try again
			continue;
		}
		if (RETRY_POLICY.retryableStatuses.includes(statusCode) && attempt < RETRY_POLICY.maxAttempts) {
			const retryAfter = parseRetryAfterMs(response.headers?.['retry-after']);
			if (retryAfter === undefined || retryAfter <= RETRY_POLICY.maxRetryAfterMs) {
				this.logger.debug('PartnerStack asked to retry', {
					method,
					path,
					statusCode,
					attempt,
					retryAfter,
				});
				await sleep(retryAfter ?? backoffDelayMs(attempt));
				continue;
			}
		}
		throw apiError.call(this, statusCode, body, method, path, options.itemIndex);
	}
}

function safeJson(text: string): PartnerStackEnvelope {
	try {
		return JSON.parse(text) as PartnerStackEnvelope;
	} catch {
		return { message: text };
	}
}

/** The `data` of a single-object answer. */
export async function partnerStackData(
	this: PartnerStackContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options: RequestOptions = {},
): Promise<IDataObject> {
	const envelope = await partnerStackRequest.call(this, method, endpoint, options);
	return (envelope.data ?? {}) as IDataObject;
}

export async function partnerStackPage(
	this: PartnerStackContext,
	endpoint: string,
	qs: IDataObject = {},
	options: RequestOptions = {},
): Promise<Page> {
	const envelope = await partnerStackRequest.call(this, 'GET', endpoint, { ...options, qs });
	return listItems(envelope.data);
}

/**
 * Walks PartnerStack's cursor pages (`starting_after` = the last item's key) until `has_more` is false
 * or `limit` items are collected. Pages are as large as the API allows.
 */
export async function partnerStackAllItems(
	this: PartnerStackContext,
	endpoint: string,
	qs: IDataObject = {},
	limit = Infinity,
	options: RequestOptions = {},
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	let startingAfter: string | undefined;
	while (items.length < limit) {
		const pageSize = Math.min(MAX_PAGE_SIZE, limit - items.length);
		const page = await partnerStackPage.call(
			this,
			endpoint,
			{ ...qs, limit: pageSize, ...(startingAfter ? { starting_after: startingAfter } : {}) },
			options,
		);
		items.push(...page.items);
		const last = page.items[page.items.length - 1];
		if (!page.hasMore || !last?.key) break;
		startingAfter = String(last.key);
	}
	return items.slice(0, limit);
}
