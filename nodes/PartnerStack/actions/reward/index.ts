import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';

export { create, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['reward'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Reward a partner for a customer, a transaction or directly; needs the target key and the amount',
				action: 'Create a reward',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Search rewards by customer, payment status, partner, group or date',
				action: 'Get many rewards',
			},
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
];
