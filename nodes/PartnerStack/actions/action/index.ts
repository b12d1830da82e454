import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteAction from './delete.operation';
import * as getAll from './getAll.operation';

export { create, deleteAction as delete, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['action'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Record an action a partner or customer performed; needs the target (partner key or customer key), the action type and a value of at least 1',
				action: 'Create an action',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Archive an action by its key; its rewards are archived too',
				action: 'Delete an action',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Search recorded actions by action type, partnership, partner, group or date',
				action: 'Get many actions',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteAction.description,
	...getAll.description,
];
