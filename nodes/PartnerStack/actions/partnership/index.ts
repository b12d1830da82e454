import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deletePartnership from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as modifyTags from './modifyTags.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, deletePartnership as delete, get, getAll, modifyTags, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['partnership'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Add a partner to the program; needs the email (group, tier, tags and names optional)',
				action: 'Create a partnership',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a partnership',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Archive a partnership by its key or partner key',
				action: 'Delete a partnership',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a partnership by key or partner key',
				action: 'Get a partnership',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Search partnerships by email, partner key, group or date',
				action: 'Get many partnerships',
			},
			{
				name: 'Modify Tags',
				value: 'modifyTags',
				description: 'Add or remove tags on a partnership, found by its key or partner key',
				action: 'Modify tags of a partnership',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					"Change a partnership's group, manager, tier or fields, found by its key or partner key",
				action: 'Update a partnership',
			},
		],
		default: 'get',
	},
	...create.description,
	...deletePartnership.description,
	...get.description,
	...getAll.description,
	...modifyTags.description,
	...update.description,
	...upsert.description,
];
