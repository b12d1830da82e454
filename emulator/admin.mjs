// The admin API (no auth, no faults, not logged): what tests, benchmarks and the sandbox use to set up and observe.
import { COLLECTIONS } from './store.mjs';
import { applySeed } from './seed.mjs';
import { trainingCompletion } from './training.mjs';

function json(rawBody) {
	return rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
}

export function adminRoutes(emulator) {
	const { store, faults, dispatcher, requestLog, imports } = emulator;
	return [
		['GET', '/__emulator/health', () => ({ ok: true })],
		['GET', '/__emulator/requests', () => ({ requests: requestLog })],
		[
			'DELETE',
			'/__emulator/requests',
			() => {
				requestLog.length = 0;
				return { ok: true };
			},
		],
		[
			'GET',
			'/__emulator/faults',
			() => ({ ...faults.settings, rateLimitedCount: faults.rateLimitedCount }),
		],
		[
			'POST',
			'/__emulator/faults',
			({ rawBody }) => {
				faults.set(json(rawBody));
				return { ...faults.settings };
			},
		],
		[
			'POST',
			'/__emulator/reset',
			({ rawBody }) => {
				const document = json(rawBody);
				emulator.reset(Object.keys(document).length ? document : undefined);
				return { ok: true };
			},
		],
		[
			'POST',
			'/__emulator/seed',
			({ rawBody }) => {
				applySeed(store, json(rawBody));
				return { ok: true };
			},
		],
		[
			'GET',
			'/__emulator/state/:collection',
			({ params }) => {
				if (!COLLECTIONS.includes(params.collection))
					return { error: `unknown collection ${params.collection}` };
				return { items: store.all(params.collection) };
			},
		],
		[
			'GET',
			'/__emulator/deliveries',
			async ({ query }) => {
				if (query.get('settle') === 'true') await dispatcher.settle();
				return { deliveries: dispatcher.deliveries };
			},
		],
		[
			'POST',
			'/__emulator/deliveries/:index/redeliver',
			({ params }) => ({ ok: dispatcher.redeliver(Number(params.index)) }),
		],
		[
			'POST',
			'/__emulator/events',
			({ rawBody }) => {
				const { event, object } = json(rawBody);
				dispatcher.emit(event, object ?? {});
				return { ok: true };
			},
		],
		// A partner completed a course or learning path in the connected learning platform.
		[
			'POST',
			'/__emulator/training-completions',
			({ rawBody }) => {
				const { event, object } = trainingCompletion(store, json(rawBody));
				dispatcher.emit(event, object);
				return { ok: true, event, object };
			},
		],
		['GET', '/__emulator/imports', () => ({ imports })],
		[
			'GET',
			'/__files/:key',
			({ params, query, response }) => {
				const file = store.find('dealFiles', params.key);
				const expires = Number(query.get('expires'));
				if (!file || !(expires > Date.now())) {
					response.writeHead(404, { 'content-type': 'text/plain' });
					response.end('Not found or expired');
					return undefined;
				}
				const content = Buffer.from(file.content_base64 ?? '', 'base64');
				response.writeHead(200, {
					'content-type': file.mime_type ?? 'application/octet-stream',
					'content-length': content.length,
					'content-disposition': `attachment; filename="${file.name}"`,
				});
				response.end(content);
				return undefined;
			},
		],
	];
}
