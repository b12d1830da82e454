import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as action from './actions/action';
import * as application from './actions/application';
import * as customer from './actions/customer';
import * as deal from './actions/deal';
import * as exportResource from './actions/export';
import * as group from './actions/group';
import * as lead from './actions/lead';
import * as partnership from './actions/partnership';
import * as reward from './actions/reward';
import { router } from './actions/router';
import * as tier from './actions/tier';
import * as transaction from './actions/transaction';
import { listSearch, loadOptions } from './methods';

export class PartnerStack implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PartnerStack',
		name: 'partnerStack',
		icon: {
			light: 'file:../../icons/partnerstack.svg',
			dark: 'file:../../icons/partnerstack.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage PartnerStack applications, partnerships, tiers, customers, deals, leads, transactions, rewards, actions and exports',
		defaults: { name: 'PartnerStack' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'partnerStackApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Action',
						value: 'action',
						description: 'Actions partners or customers performed, for action rewards',
					},
					{
						name: 'Application',
						value: 'application',
						description: 'Applications to join the partner program, to approve or decline',
					},
					{ name: 'Customer', value: 'customer', description: 'Customers referred by partners' },
					{
						name: 'Deal',
						value: 'deal',
						description: 'Business opportunities partners registered',
					},
					{
						name: 'Export',
						value: 'export',
						description: 'Exports of all records, emailed to a teammate',
					},
					{ name: 'Group', value: 'group', description: 'Groups partners are organised in' },
					{ name: 'Lead', value: 'lead', description: 'Leads partners submitted' },
					{ name: 'Partnership', value: 'partnership', description: 'Partners in the program' },
					{
						name: 'Reward',
						value: 'reward',
						description: 'Commissions and bonuses paid to partners',
					},
					{ name: 'Tier', value: 'tier', description: 'Partner tiers of the program' },
					{ name: 'Transaction', value: 'transaction', description: 'Sales of referred customers' },
				],
				default: 'partnership',
			},
			...action.description,
			...application.description,
			...customer.description,
			...deal.description,
			...exportResource.description,
			...group.description,
			...lead.description,
			...partnership.description,
			...reward.description,
			...tier.description,
			...transaction.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
