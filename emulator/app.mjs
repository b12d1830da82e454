// The PartnerStack emulator: Basic auth, the {data, message, status} envelope, fault injection, a request log,
// webhook delivery and an admin API under /__emulator for tests, benchmarks and the sandbox.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { ApiError, Store } from './store.mjs';
import { CHOICES } from './choices.mjs';
import { Faults, STATUS_MESSAGES } from './faults.mjs';
import { WebhookDispatcher } from './webhooks.mjs';
import { applySeed, seedBuiltIns } from './seed.mjs';
import { importRoutes } from './imports.mjs';
import { partnershipRoutes } from './resources/partnerships.mjs';
import { customerRoutes } from './resources/customers.mjs';
import { moneyRoutes } from './resources/money.mjs';
import { pipelineRoutes } from './resources/pipeline.mjs';
import { catalogRoutes } from './resources/catalog.mjs';
import { applicationRoutes } from './resources/applications.mjs';
import { webhookRoutes } from './resources/webhooks.mjs';
import { adminRoutes } from './admin.mjs';

const MAX_BODY_BYTES = 50 * 1024 * 1024;

/** Compiles `/api/v2/deals/:id` into a matcher; literal routes win over parameterised ones. */
function compileRoutes(definitions) {
	return definitions
		.map(([method, path, handler]) => {
			const names = [];
			const pattern = path.replace(/:([A-Za-z]+)/g, (_, name) => {
				names.push(name);
				return '([^/]+)';
			});
			return {
				method,
				path,
				handler,
				names,
				regex: new RegExp(`^${pattern}/?$`),
				literal: names.length === 0,
			};
		})
		.sort((a, b) => Number(b.literal) - Number(a.literal));
}

function keyModeOf(header, keys) {
	const match = /^Basic\s+(.+)$/i.exec(header ?? '');
	if (!match) return undefined;
	const [publicKey, ...rest] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
	const secretKey = rest.join(':');
	return Object.entries(keys).find(
		([, pair]) => pair.publicKey === publicKey && pair.secretKey === secretKey,
	)?.[0];
}

function readBody(request) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		request.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) reject(new ApiError(413, 'Request body too large'));
			else chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

function send(response, status, body, headers = {}) {
	const text = JSON.stringify(body);
	response.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	response.end(text);
}

export function createEmulator(options = {}) {
	const keys = options.keys ?? CHOICES.keys;
	const store = new Store();
	const faults = new Faults(options.faults);
	const dispatcher = new WebhookDispatcher(store);
	const requestLog = [];
	const imports = [];
	const emulator = { store, faults, dispatcher, requestLog, imports, keys, url: undefined };

	emulator.reset = (seedDocument) => {
		store.reset();
		faults.reset();
		requestLog.length = 0;
		imports.length = 0;
		dispatcher.deliveries.length = 0;
		seedBuiltIns(store);
		if (seedDocument) applySeed(store, seedDocument);
	};
	emulator.reset(
		options.seedFile ? JSON.parse(readFileSync(options.seedFile, 'utf8')) : options.seed,
	);

	const context = { store, emit: (event, object) => dispatcher.emit(event, object), imports };
	const apiRoutes = compileRoutes([
		...partnershipRoutes(context),
		...customerRoutes(context),
		...moneyRoutes(context),
		...pipelineRoutes(context),
		...catalogRoutes(context),
		...applicationRoutes(context),
		...webhookRoutes(context),
		...importRoutes(context),
	]);
	const openRoutes = compileRoutes(adminRoutes(emulator));

	function match(routes, method, pathname) {
		let pathMatched = false;
		for (const route of routes) {
			const found = route.regex.exec(pathname);
			if (!found) continue;
			pathMatched = true;
			if (route.method !== method) continue;
			const params = Object.fromEntries(
				route.names.map((name, index) => [name, decodeURIComponent(found[index + 1])]),
			);
			return { route, params };
		}
		return { pathMatched };
	}

	async function handle(request, response) {
		const started = Date.now();
		const url = new URL(request.url, 'http://emulator');
		const baseUrl = `http://${request.headers.host}`;
		const rawBody = await readBody(request);

		const open = match(openRoutes, request.method, url.pathname);
		if (open.route) {
			const result = await open.route.handler({
				params: open.params,
				query: url.searchParams,
				rawBody,
				response,
				baseUrl,
			});
			if (result !== undefined) send(response, 200, result);
			return;
		}

		const entry = {
			at: started,
			method: request.method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			keyMode: 'none',
			status: undefined,
			body: undefined,
			fault: undefined,
			durationMs: undefined,
		};
		requestLog.push(entry);
		const fault = faults.decide();
		const finish = (status, body, headers) => {
			entry.status = status;
			entry.durationMs = Date.now() - started;
			if (fault?.dropAfterWrite) {
				// The request was served (a create is stored) but its answer never leaves: the socket is destroyed.
				entry.fault = 'dropAfterWrite';
				request.socket.destroy();
				return;
			}
			send(response, status, body, headers);
		};

		const latency = (fault?.latencyMs ?? 0) + faults.settings.latencyMs;
		if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
		if (fault?.drop) {
			entry.fault = 'drop';
			request.socket.destroy();
			return;
		}
		if (fault?.status) {
			entry.fault = String(fault.status);
			const headers =
				fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
			finish(
				fault.status,
				{ message: STATUS_MESSAGES[fault.status] ?? 'Error', status: fault.status },
				headers,
			);
			return;
		}

		const keyMode = keyModeOf(request.headers.authorization, keys);
		entry.keyMode = keyMode ?? (request.headers.authorization ? 'invalid' : 'none');
		if (!keyMode) return finish(401, { message: CHOICES.unauthorizedMessage, status: 401 });

		const found = match(apiRoutes, request.method, url.pathname);
		if (!found.route) {
			const status = found.pathMatched ? 405 : 404;
			return finish(status, {
				message: found.pathMatched
					? 'Method not allowed'
					: `No route for ${request.method} ${url.pathname}`,
				status,
			});
		}

		let body = {};
		const isJson = /json/i.test(request.headers['content-type'] ?? '');
		if (rawBody.length && isJson) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				return finish(400, { message: 'The request body is not valid JSON', status: 400 });
			}
		}
		entry.body = isJson ? body : undefined;

		try {
			const result = await found.route.handler({
				params: found.params,
				query: url.searchParams,
				body,
				rawBody,
				headers: request.headers,
				isTest: keyMode === 'test',
				baseUrl,
			});
			if (result.raw) return finish(result.raw.status, result.raw.body);
			const envelope = { message: result.message ?? 'Success', status: 200 };
			if (result.data !== undefined) envelope.data = result.data;
			finish(200, envelope);
		} catch (error) {
			if (error instanceof ApiError)
				return finish(error.status, { message: error.message, status: error.status });
			finish(500, { message: `Internal Server Error: ${error.message}`, status: 500 });
		}
	}

	const server = createServer((request, response) => {
		handle(request, response).catch((error) => {
			if (!response.headersSent)
				send(response, error.status ?? 500, {
					message: error.message,
					status: error.status ?? 500,
				});
		});
	});

	// Like most API front ends, keep idle connections longer than clients do, so a reused socket is never
	// closed under a request that is just being sent.
	server.keepAliveTimeout = 65_000;
	server.headersTimeout = 66_000;

	emulator.listen = (port = 0, host = '127.0.0.1') =>
		new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, host, () => {
				emulator.port = server.address().port;
				emulator.url = `http://${host}:${emulator.port}`;
				resolve(emulator);
			});
		});
	emulator.close = async () => {
		await dispatcher.settle();
		server.closeAllConnections?.();
		await new Promise((resolve) => server.close(resolve));
	};
	emulator.server = server;
	return emulator;
}
