import { NodeApiError } from 'n8n-workflow';

import {
	partnerStackDeleteIfPresent,
	partnerStackGetOrNothing,
} from '../../../nodes/PartnerStack/transport/getOrNothing';
import {
	credentialsFor,
	executeContextOnEngine as createContext,
	type EngineContext as TestContext,
} from '../../support/engine';
import { KEYS } from '../../support/emulator';
import { emulatorWith } from '../../support/node';
import { asN8n, caught, contextOn, failEveryAttempt } from '../../support/transport';

const emulator = emulatorWith();
let context: TestContext;
beforeEach(() => {
	context = contextOn(emulator);
});

describe('partnerStackGetOrNothing', () => {
	it('answers the object PartnerStack has', async () => {
		await expect(
			partnerStackGetOrNothing.call(asN8n(context), '/partnerships/gstest'),
		).resolves.toMatchObject({ partner_key: 'gstest' });
	});

	it('answers nothing on a 404, after one request', async () => {
		await expect(
			partnerStackGetOrNothing.call(asN8n(context), '/partnerships/nobody-has-this-key'),
		).resolves.toBeUndefined();
		expect((await emulator.requests()).map((r) => [r.method, r.path, r.status])).toEqual([
			['GET', '/api/v2/partnerships/nobody-has-this-key', 404],
		]);
	});

	it('throws a 500 that outlasts the retries, with the API message', async () => {
		await failEveryAttempt(emulator, 500);
		const error = await caught(
			partnerStackGetOrNothing.call(asN8n(context), '/partnerships/gstest'),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('500');
		expect(error.message).toBe('Internal Server Error');
	});

	it('throws a 401 with the API message, never the keys', async () => {
		const wrongKeys = { publicKey: KEYS.production.publicKey, secretKey: 'sk_wrong_secret' };
		const refused = await emulator.api('GET', '/api/v2/partnerships/gstest', undefined, wrongKeys);
		expect(refused.status).toBe(401);
		context = createContext({ credentials: credentialsFor(emulator.url, wrongKeys) });

		const error = await caught(
			partnerStackGetOrNothing.call(asN8n(context), '/partnerships/gstest'),
		);
		expect(error.httpCode).toBe('401');
		expect(error.message).toBe(refused.body.message);
		expect(JSON.stringify({ error, d: error.description })).not.toContain('sk_wrong_secret');
	});
});

describe('partnerStackDeleteIfPresent', () => {
	it('deletes what is there, and answers false for what is not', async () => {
		const created = await emulator.api('POST', '/api/v2/webhooks', {
			target_url: 'https://example.com/hook',
			events: ['customer.created'],
		});
		const key = String(created.body.data.key);

		await expect(
			partnerStackDeleteIfPresent.call(asN8n(context), `/webhooks/${key}`),
		).resolves.toBe(true);
		expect(
			(await emulator.state<{ key: string; archived: boolean }>('webhooks')).find(
				(h) => h.key === key,
			),
		).toMatchObject({ archived: true });
		await expect(
			partnerStackDeleteIfPresent.call(asN8n(context), '/webhooks/whk_nobody'),
		).resolves.toBe(false);
	});

	it('throws other errors as they are', async () => {
		await failEveryAttempt(emulator, 503);
		const error = await caught(
			partnerStackDeleteIfPresent.call(asN8n(context), '/webhooks/whk_nobody'),
		);
		expect(error.httpCode).toBe('503');
		expect(error.message).toBe('Service Unavailable');
	});
});
