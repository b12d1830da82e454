import type { INodeProperties } from 'n8n-workflow';

import * as convert from './convert.operation';
import * as create from './create.operation';
import * as deleteDeal from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAttachment from './getAttachment.operation';
import * as listAttachments from './listAttachments.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export {
	convert,
	create,
	deleteDeal as delete,
	get,
	getAll,
	getAttachment,
	listAttachments,
	update,
	upsert,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deal'] } },
		options: [
			{
				name: 'Convert to Customer',
				value: 'convert',
				description: 'Turn a won deal into a customer; needs the deal and the customer email',
				action: 'Convert a deal to a customer',
			},
			{
				name: 'Create',
				value: 'create',
				description:
					'Register a deal; needs the partner key (partner deals) or the group (vendor deals)',
				action: 'Create a deal',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a deal',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Archive a deal by its key or external key',
				action: 'Delete a deal',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a deal by key or external key',
				action: 'Get a deal',
			},
			{
				name: 'Get Attachment',
				value: 'getAttachment',
				description:
					'Download a file attached to a deal; needs the deal and the file key from List Attachments',
				action: 'Get a deal attachment',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Search deals by customer, partner, group or date',
				action: 'Get many deals',
			},
			{
				name: 'List Attachments',
				value: 'listAttachments',
				description: 'List the files attached to a deal, by its key or external key',
				action: 'List deal attachments',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					"Change a deal's stage, amount or other fields, found by its key or external key",
				action: 'Update a deal',
			},
		],
		default: 'get',
	},
	...convert.description,
	...create.description,
	...deleteDeal.description,
	...get.description,
	...getAll.description,
	...getAttachment.description,
	...listAttachments.description,
	...update.description,
	...upsert.description,
];
