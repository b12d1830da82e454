import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getApplicationForms } from './methods/loadOptions';
import { normaliseEventName, TRIGGER_EVENTS } from './trigger/events';
import { deliveryFingerprint, firstDelivery } from './trigger/deliveries';
import {
	deriveSigningSecret,
	hookExists,
	registerHook,
	unregisterHook,
} from './trigger/registration';
import { sameSecret, tokenHash, validSignature } from './trigger/security';

const SIGNATURE_HEADER = 'x-partnerstack-signature';

export class PartnerStackTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PartnerStack Trigger',
		name: 'partnerStackTrigger',
		icon: {
			light: 'file:../../icons/partnerstack.svg',
			dark: 'file:../../icons/partnerstack.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when PartnerStack reports an event (it registers its own webhook)',
		defaults: { name: 'PartnerStack Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'partnerStackApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					"PartnerStack must reach this n8n over the internet: set n8n's WEBHOOK_URL to its public address before activating",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: TRIGGER_EVENTS,
				description: 'The events that start the workflow',
			},
			{
				displayName: 'Forms Names or IDs',
				name: 'forms',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getApplicationForms' },
				default: [],
				displayOptions: {
					show: { events: ['application.created', 'application.approved', 'application.declined'] },
				},
				description:
					'Only applications submitted with these forms; empty for all. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Duplicate Window (Minutes)',
						name: 'duplicateWindowMinutes',
						type: 'number',
						default: 60,
						typeOptions: { minValue: 0 },
						description:
							'A delivery whose body is byte for byte the same as one received within this window (a redelivery) starts the workflow only once (0 turns this off)',
					},
				],
			},
		],
	};

	methods = { loadOptions: { getApplicationForms } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await hookExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registerHook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregisterHook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const staticData = this.getWorkflowStaticData('node');
		const { rawBody } = this.getRequestObject() as { rawBody?: Buffer };
		const givenToken = (this.getQueryData() as IDataObject).token;
		if (
			!(
				typeof givenToken === 'string' &&
				sameSecret(String(staticData.webhookTokenHash ?? ''), tokenHash(givenToken))
			)
		) {
			return unauthorized.call(this);
		}
		const signature = this.getHeaderData()[SIGNATURE_HEADER];
		if (signature !== undefined) {
			const salt = String(staticData.webhookSigningSalt ?? '');
			const secret = salt ? await deriveSigningSecret.call(this, salt) : '';
			if (secret && tokenHash(secret) !== staticData.webhookSigningSecretHash) {
				this.logger.warn(
					'PartnerStack Trigger: the credential changed since the webhook was registered, so signed deliveries cannot be checked; deactivate and activate the workflow',
				);
			}
			if (!validSignature(secret, rawBody, signature)) return unauthorized.call(this);
		}

		const body = this.getBodyData() as IDataObject;
		const event = normaliseEventName(body.event);
		const subscribed = this.getNodeParameter('events', []) as string[];
		if (!event || !subscribed.includes(event)) {
			return { webhookResponse: { received: true, ignored: 'event not subscribed' } };
		}
		const forms = this.getNodeParameter('forms', []) as string[];
		if (
			event.startsWith('application.') &&
			forms.length &&
			!forms.includes(String(body.mold_key ?? ''))
		) {
			return { webhookResponse: { received: true, ignored: 'form not in scope' } };
		}
		const windowMinutes =
			(this.getNodeParameter('options.duplicateWindowMinutes', 60) as number) ?? 60;
		const scope = String(staticData.webhookId ?? `${this.getWorkflow().id}|${this.getNode().id}`);
		if (
			windowMinutes > 0 &&
			!firstDelivery(staticData, deliveryFingerprint(rawBody, body), windowMinutes * 60_000, scope)
		) {
			return { webhookResponse: { received: true, ignored: 'duplicate delivery' } };
		}
		// Answer here rather than through n8n: n8n 2.x saves the static data changed above (the delivery just
		// recorded) only when the response goes out before the execution starts; otherwise a redelivery runs twice.
		this.getResponseObject().status(200).json({ received: true });
		return { workflowData: [this.helpers.returnJsonArray(body)], noWebhookResponse: true };
	}
}

function unauthorized(this: IWebhookFunctions): IWebhookResponseData {
	this.getResponseObject().status(401).json({ message: 'Unauthorized' });
	return { noWebhookResponse: true };
}
