// The webhook trigger's registration methods on n8n-core's hook context, against the emulator.
import type { IDataObject } from 'n8n-workflow';

import { PartnerStackTrigger } from '../../nodes/PartnerStack/PartnerStackTrigger.node';
import { KEYS, type EmulatorProcess } from './emulator';
import { credentialsFor, hookContextOnEngine } from './engine';

export const trigger = new PartnerStackTrigger();
export const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/4b0e7c1a-trigger/webhook';

export interface Hook {
	key: string;
	target_url: string;
	events: string[];
	archived: boolean;
	/** The signing secret PartnerStack was given (the emulator's state shows it; its API never does). */
	secret: string | null;
}

/** hookContext (a trigger node subscribed to `events`), activeHooks (the emulator's) and call (a webhook method). */
export function hookHelpersOn(emulator: EmulatorProcess) {
	function hookContext(
		events: string[],
		staticData: IDataObject = {},
		webhookUrl = WEBHOOK_URL,
		keys = KEYS.production,
	) {
		return hookContextOnEngine({
			credentials: credentialsFor(emulator.url, keys),
			parameters: { events },
			nodeStaticData: staticData,
			webhookUrl,
		});
	}
	const activeHooks = async () =>
		(await emulator.state<Hook>('webhooks')).filter((hook) => !hook.archived);
	const call = (
		method: 'checkExists' | 'create' | 'delete',
		context: ReturnType<typeof hookContext>,
	) => trigger.webhookMethods.default[method].call(context as never);
	return { hookContext, activeHooks, call };
}
