// The trigger's registration when PartnerStack answers 404 for its hook (nothing there: registered again, or
// already gone) and when it answers another error (thrown, or reported by a failed delete).
import type { IDataObject } from 'n8n-workflow';

import { PartnerStackTrigger } from '../../../nodes/PartnerStack/PartnerStackTrigger.node';
import { RETRY_POLICY } from '../../../nodes/PartnerStack/transport/retry';
import { KEYS } from '../../support/emulator';
import { credentialsFor, hookContextOnEngine } from '../../support/engine';
import { DEMO, startEmulator } from '../../support/node';

const emulator = startEmulator();
const trigger = new PartnerStackTrigger();

function hookContext(events: string[], staticData: IDataObject = {}) {
	return hookContextOnEngine({
		credentials: credentialsFor(emulator.url, KEYS.production),
		parameters: { events },
		nodeStaticData: staticData,
	});
}

const call = (
	method: 'checkExists' | 'create' | 'delete',
	context: ReturnType<typeof hookContext>,
) => trigger.webhookMethods.default[method].call(context as never);

const failEveryAttempt = (status: number) =>
	emulator.faults({
		script: Array.from({ length: RETRY_POLICY.maxAttempts }, () => ({ status, retryAfter: 0 })),
	});

/** A context whose static data names a hook that PartnerStack has never heard of (a reset emulator). */
async function registeredThenForgotten() {
	const context = hookContext(['customer.created']);
	await call('create', context);
	const webhookId = context.staticData.webhookId;
	await emulator.reset(DEMO);
	return { context, webhookId };
}

beforeEach(async () => {
	await emulator.reset(DEMO);
});

it('checkExists: a hook PartnerStack answers 404 for is forgotten, and registered again', async () => {
	const { context, webhookId } = await registeredThenForgotten();
	expect(await call('checkExists', context)).toBe(false);
	expect((await emulator.requests()).map((r) => [r.method, r.path, r.status])).toEqual([
		['GET', `/api/v2/webhooks/${webhookId}`, 404],
	]);
	expect(context.staticData.webhookId).toBeUndefined();
	expect(context.logs.map((line) => line.message)).toContain(
		'PartnerStack no longer has the registered webhook; it will be registered again',
	);
	await call('create', context);
	expect((await emulator.state('webhooks')).length).toBe(1);
});

it('checkExists: another error is thrown with the API message, and the hook is kept', async () => {
	const context = hookContext(['customer.created']);
	await call('create', context);
	await failEveryAttempt(500);
	await expect(call('checkExists', context)).rejects.toThrow('Internal Server Error');
	expect(context.staticData.webhookId).toBeDefined();
});

it('delete: a hook PartnerStack answers 404 for is already gone', async () => {
	const { context, webhookId } = await registeredThenForgotten();
	expect(await call('delete', context)).toBe(true);
	expect((await emulator.requests()).map((r) => [r.method, r.path, r.status])).toEqual([
		['DELETE', `/api/v2/webhooks/${webhookId}`, 404],
	]);
	expect(context.staticData.webhookId).toBeUndefined();
});

it('delete: another error fails the delete, and the hook is kept to try again', async () => {
	const context = hookContext(['customer.created']);
	await call('create', context);
	await failEveryAttempt(503);
	expect(await call('delete', context)).toBe(false);
	expect(context.staticData.webhookId).toBeDefined();
	expect(context.logs.map((line) => line.message)).toContain(
		'Could not archive the PartnerStack webhook',
	);
});
