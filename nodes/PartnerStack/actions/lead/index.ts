import type { INodeProperties } from 'n8n-workflow';

import * as convert from './convert.operation';
import * as create from './create.operation';
import * as deleteLead from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { convert, create, deleteLead as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Convert to Customer',
				value: 'convert',
				description: 'Turn a qualified lead into a customer; needs the lead and the customer email',
				action: 'Convert a lead to a customer',
			},
			{
				name: 'Create',
				value: 'create',
				description:
					'Submit a lead for a partner; needs the partner key, an external key, a status and the first and last name',
				action: 'Create a lead',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Archive a lead by its key or external key',
				action: 'Delete a lead',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a lead by key or external key',
				action: 'Get a lead',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Search leads by status, partner, group or date',
				action: 'Get many leads',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a lead's status, approval or fields, found by its key or external key",
				action: 'Update a lead',
			},
		],
		default: 'get',
	},
	...convert.description,
	...create.description,
	...deleteLead.description,
	...get.description,
	...getAll.description,
	...update.description,
];
