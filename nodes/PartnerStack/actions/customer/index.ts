import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteCustomer from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, deleteCustomer as delete, get, getAll, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a customer referred by a partner; needs the email and the partner key',
				action: 'Create a customer',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a customer',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete (archive) a customer by its customer key',
				action: 'Delete a customer',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a customer by customer key',
				action: 'Get a customer',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Search customers by customer key, email, partner, group or date',
				action: 'Get many customers',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a customer's email, name, keys or meta, found by its customer key",
				action: 'Update a customer',
			},
		],
		default: 'get',
	},
	...create.description,
	...deleteCustomer.description,
	...get.description,
	...getAll.description,
	...update.description,
	...upsert.description,
];
