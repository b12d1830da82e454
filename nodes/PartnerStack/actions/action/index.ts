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
			{ name: 'Create', value: 'create', description: 'Record an action a partner or customer performed', action: 'Create an action' },
			{ name: 'Delete', value: 'delete', description: 'Archive an action and its rewards', action: 'Delete an action' },
			{ name: 'Get Many', value: 'getAll', description: 'Search recorded actions', action: 'Get many actions' },
		],
		default: 'create',
	},
	...create.description,
	...deleteAction.description,
	...getAll.description,
];
