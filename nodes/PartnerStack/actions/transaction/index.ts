import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteTransaction from './delete.operation';
import * as getAll from './getAll.operation';

export { create, deleteTransaction as delete, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transaction'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Record a sale of a referred customer; needs the customer, the amount and the currency (transactions are insert-only)',
				action: 'Create a transaction',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a transaction by its key',
				action: 'Delete a transaction by its key',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Search transactions by customer, product, partner, group or date',
				action: 'Get many transactions',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteTransaction.description,
	...getAll.description,
];
