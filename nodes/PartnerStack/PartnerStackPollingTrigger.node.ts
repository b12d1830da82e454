import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollChanges } from './trigger/polling';

export class PartnerStackPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PartnerStack Polling Trigger',
		name: 'partnerStackPollingTrigger',
		icon: {
			light: 'file:../../icons/partnerstack.svg',
			dark: 'file:../../icons/partnerstack.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["watch"] + ": " + $parameter["resource"]}}',
		description:
			'Starts the workflow for new or updated PartnerStack objects, checked on a schedule (for transactions, rewards, or an n8n PartnerStack cannot reach)',
		defaults: { name: 'PartnerStack Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'partnerStackApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'transaction',
				options: [
					{ name: 'Action', value: 'action' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Deal', value: 'deal' },
					{ name: 'Lead', value: 'lead' },
					{ name: 'Partnership', value: 'partnership' },
					{ name: 'Reward', value: 'reward' },
					{ name: 'Transaction', value: 'transaction' },
				],
			},
			{
				displayName: 'Watch',
				name: 'watch',
				type: 'options',
				default: 'created',
				options: [
					{ name: 'New Objects', value: 'created' },
					{
						name: 'New or Updated Objects',
						value: 'createdOrUpdated',
						description:
							'Not for transactions and rewards, which PartnerStack filters by creation only',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Start Date',
						name: 'startDate',
						type: 'dateTime',
						default: '',
						description:
							'On the first poll, emit what was created (or updated) since this moment. Empty: start from the moment the workflow is activated.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const changes = await pollChanges.call(this);
		return changes ? [this.helpers.returnJsonArray(changes)] : null;
	}
}
