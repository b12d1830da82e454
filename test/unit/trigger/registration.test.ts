import { signingSecret, tokenHash } from '../../../nodes/PartnerStack/trigger/security';
import { KEYS } from '../../support/emulator';
import { DEMO, emulatorWith } from '../../support/node';
import { hookHelpersOn, WEBHOOK_URL } from '../../support/trigger';

const emulator = emulatorWith(DEMO);
const { hookContext, activeHooks, call } = hookHelpersOn(emulator);

describe('registration', () => {
	it('create registers one hook whose URL carries a secret token; checkExists then finds it', async () => {
		const context = hookContext(['customer.created', 'partnership.created']);
		expect(await call('checkExists', context)).toBe(false);
		expect(await call('create', context)).toBe(true);
		const [hook] = await activeHooks();
		expect(hook.events).toEqual(['customer.created', 'partnership.created']);
		expect(hook.target_url).toMatch(new RegExp(`^${WEBHOOK_URL}\\?token=[0-9a-f]{64}$`));
		expect(context.staticData.webhookId).toBe(hook.key);
		expect(await call('checkExists', context)).toBe(true);
	});

	it('keeps no secret in static data: neither the URL token nor the signing secret, only what checks them', async () => {
		const context = hookContext(['customer.created']);
		await call('create', context);
		const [hook] = await activeHooks();
		const token = new URL(hook.target_url).searchParams.get('token')!;
		expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
		const stored = JSON.stringify(context.staticData);
		for (const secret of [token, hook.secret!, KEYS.production.secretKey])
			expect(stored).not.toContain(secret);
		expect(Object.keys(context.staticData).sort()).toEqual([
			'webhookBase',
			'webhookEvents',
			'webhookId',
			'webhookSigningSalt',
			'webhookSigningSecretHash',
			'webhookTokenHash',
		]);
		// The secret PartnerStack got is derived again from the credential and the salt, and matches the stored hash.
		expect(
			signingSecret(KEYS.production.secretKey, String(context.staticData.webhookSigningSalt)),
		).toBe(hook.secret);
		expect(tokenHash(hook.secret)).toBe(context.staticData.webhookSigningSecretHash);
	});

	it('registers again when the credential changed (its signing secret no longer matches)', async () => {
		const context = hookContext(['customer.created']);
		await call('create', context);
		// The workflow now uses another credential (here the program's test keys): another secret key.
		expect(
			await call(
				'checkExists',
				hookContext(['customer.created'], context.staticData, WEBHOOK_URL, KEYS.test),
			),
		).toBe(false);
		expect(await activeHooks()).toHaveLength(0);
	});

	it('registers again when the static data holds a secret as is', async () => {
		const legacy = hookContext(['customer.created']);
		await call('create', legacy);
		Object.assign(legacy.staticData, { webhookSigningSecret: 'c'.repeat(64) });
		expect(await call('checkExists', legacy)).toBe(false);
		expect(legacy.staticData.webhookSigningSecret).toBeUndefined();
		await call('create', legacy);
		expect(legacy.staticData.webhookSigningSecret).toBeUndefined();
		expect(await activeHooks()).toHaveLength(1);
	});

	it('is idempotent: re-activating with lost static data leaves one hook, not two', async () => {
		await call('create', hookContext(['customer.created']));
		const restarted = hookContext(['customer.created']);
		expect(await call('checkExists', restarted)).toBe(false);
		await call('create', restarted);
		expect(await activeHooks()).toHaveLength(1);
		expect((await activeHooks())[0].key).toBe(restarted.staticData.webhookId);
	});

	it('registers again when PartnerStack has lost the hook', async () => {
		const context = hookContext(['deal.created']);
		await call('create', context);
		await emulator.api('DELETE', `/api/v2/webhooks/${context.staticData.webhookId}`);
		expect(await call('checkExists', context)).toBe(false);
		expect(context.staticData.webhookId).toBeUndefined();
		await call('create', context);
		expect(await activeHooks()).toHaveLength(1);
	});

	it('replaces the hook when the event list changes', async () => {
		const context = hookContext(['deal.created']);
		await call('create', context);
		const changed = hookContext(['deal.created', 'deal.stage_updated'], context.staticData);
		expect(await call('checkExists', changed)).toBe(false);
		await call('create', changed);
		const hooks = await activeHooks();
		expect(hooks).toHaveLength(1);
		expect(hooks[0].events).toEqual(['deal.created', 'deal.stage_updated']);
	});

	it('delete archives the hook', async () => {
		const context = hookContext(['lead.created']);
		await call('create', context);
		expect(await call('delete', context)).toBe(true);
		expect(await activeHooks()).toHaveLength(0);
		expect(context.staticData.webhookId).toBeUndefined();
	});

	it('delete succeeds when the hook is already gone', async () => {
		const context = hookContext(['lead.created']);
		await call('create', context);
		await call('delete', context);
		expect(await call('delete', context)).toBe(true);
	});

	it('refuses to register without events', async () => {
		await expect(call('create', hookContext([]))).rejects.toThrow(/at least one event/);
	});
});
