// The trigger's registration when PartnerStack answers 404 for its hook (nothing there: registered again, or
// already gone) and when it answers another error (thrown, or reported by a failed delete).
import { DEMO, emulatorWith } from '../../support/node';
import { failEveryAttempt } from '../../support/transport';
import { hookHelpersOn } from '../../support/trigger';

const emulator = emulatorWith(DEMO);
const { hookContext, call } = hookHelpersOn(emulator);

/** A context whose static data names a hook that PartnerStack has never heard of (a reset emulator). */
async function registeredThenForgotten() {
	const context = hookContext(['customer.created']);
	await call('create', context);
	const webhookId = context.staticData.webhookId;
	await emulator.reset(DEMO);
	return { context, webhookId };
}

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
	await failEveryAttempt(emulator, 500);
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
	await failEveryAttempt(emulator, 503);
	expect(await call('delete', context)).toBe(false);
	expect(context.staticData.webhookId).toBeDefined();
	expect(context.logs.map((line) => line.message)).toContain(
		'Could not archive the PartnerStack webhook',
	);
});
