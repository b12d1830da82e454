import type { IDataObject, IHookFunctions, IWebhookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { partnerStackAllItems, partnerStackData } from '../transport';
import { partnerStackDeleteIfPresent, partnerStackGetOrNothing } from '../transport/getOrNothing';
import { newToken, signingSecret, tokenHash } from './security';

/** What the trigger keeps in its static data about the hook it registered: no secret in plain text (see security.ts). */
interface HookState extends IDataObject {
	webhookId?: string;
	webhookTokenHash?: string;
	webhookSigningSalt?: string;
	webhookSigningSecretHash?: string;
	webhookEvents?: string[];
	webhookBase?: string;
	/** Earlier versions kept the signing secret itself: such a hook is registered again, and this is dropped. */
	webhookSigningSecret?: string;
}

function state(this: IHookFunctions): HookState {
	return this.getWorkflowStaticData('node') as HookState;
}

function forget(hook: HookState) {
	delete hook.webhookId;
	delete hook.webhookTokenHash;
	delete hook.webhookSigningSalt;
	delete hook.webhookSigningSecretHash;
	delete hook.webhookSigningSecret;
	delete hook.webhookEvents;
	delete hook.webhookBase;
}

export function subscribedEvents(this: IHookFunctions): string[] {
	return [...new Set(this.getNodeParameter('events', []) as string[])].sort();
}

/** The signing secret of a salt under the node's credential, derived again each time it is needed. */
export async function deriveSigningSecret(
	this: IHookFunctions | IWebhookFunctions,
	salt: string,
): Promise<string> {
	const credentials = await this.getCredentials('partnerStackApi');
	return signingSecret(String(credentials.secretKey ?? ''), salt);
}

function targetOf(hook: IDataObject): string {
	return String(hook.target_url ?? hook.target ?? '');
}

/** Our URL without its token: what identifies hooks this node registered. */
function baseTarget(this: IHookFunctions): string {
	return String(this.getNodeWebhookUrl('default'));
}

/** A hook PartnerStack no longer has is as good as archived. */
async function archiveHook(this: IHookFunctions, key: string) {
	await partnerStackDeleteIfPresent.call(this, `/webhooks/${encodeURIComponent(key)}`);
}

/** True when PartnerStack still has our hook, active, for the events and URL the node has now. */
export async function hookExists(this: IHookFunctions): Promise<boolean> {
	const hook = state.call(this);
	if (!hook.webhookId) return false;
	const remote = await partnerStackGetOrNothing.call(
		this,
		`/webhooks/${encodeURIComponent(hook.webhookId)}`,
	);
	if (!remote) {
		this.logger.info(
			'PartnerStack no longer has the registered webhook; it will be registered again',
		);
		forget(hook);
		return false;
	}
	const sameEvents =
		JSON.stringify([...((remote.events as string[]) ?? [])].sort()) ===
		JSON.stringify(subscribedEvents.call(this));
	const remoteTarget = new URL(targetOf(remote) || 'http://invalid');
	const sameTarget =
		targetOf(remote).split('?')[0] === baseTarget.call(this) &&
		hook.webhookBase === baseTarget.call(this) &&
		tokenHash(remoteTarget.searchParams.get('token')) === hook.webhookTokenHash;
	// The signing secret derives from the credential: another secret key (or a hook from before derivation)
	// means PartnerStack signs with a secret this node can no longer check.
	const sameSigning =
		hook.webhookSigningSecret === undefined &&
		hook.webhookSigningSalt !== undefined &&
		tokenHash(await deriveSigningSecret.call(this, hook.webhookSigningSalt)) ===
			hook.webhookSigningSecretHash;
	if (remote.archived === true || !sameEvents || !sameTarget || !sameSigning) {
		// Replaced rather than patched: a new token comes with the new registration.
		if (remote.archived !== true) await archiveHook.call(this, hook.webhookId);
		forget(hook);
		return false;
	}
	return true;
}

/** Registers one hook; hooks this node registered before (same URL, any token) are archived first. */
export async function registerHook(this: IHookFunctions): Promise<boolean> {
	const events = subscribedEvents.call(this);
	if (!events.length)
		throw new NodeApiError(this.getNode(), { message: 'Choose at least one event' } as JsonObject, {
			message: 'Choose at least one event to listen to',
		});
	const base = baseTarget.call(this);
	const stale = (await partnerStackAllItems.call(this, '/webhooks')).filter(
		(hook) => hook.archived !== true && targetOf(hook).split('?')[0] === base,
	);
	for (const hook of stale) await archiveHook.call(this, String(hook.key));

	const token = newToken();
	const salt = newToken();
	const secret = await deriveSigningSecret.call(this, salt);
	const target = `${base}?token=${token}`;
	// The body field's name is not documented: both spellings seen in the wild are sent.
	const created = await partnerStackData.call(this, 'POST', '/webhooks', {
		body: { target_url: target, target, events, secret },
	});
	if (!created.key) {
		throw new NodeApiError(this.getNode(), created as JsonObject, {
			message: 'PartnerStack did not answer a webhook key',
		});
	}
	const hook = state.call(this);
	forget(hook);
	Object.assign(hook, {
		webhookId: String(created.key),
		webhookTokenHash: tokenHash(token),
		webhookSigningSalt: salt,
		webhookSigningSecretHash: tokenHash(secret),
		webhookEvents: events,
		webhookBase: base,
	});
	return true;
}

export async function unregisterHook(this: IHookFunctions): Promise<boolean> {
	const hook = state.call(this);
	if (hook.webhookId) {
		try {
			await archiveHook.call(this, hook.webhookId);
		} catch (error) {
			this.logger.warn('Could not archive the PartnerStack webhook', {
				message: (error as Error).message,
			});
			return false;
		}
	}
	forget(hook);
	return true;
}
