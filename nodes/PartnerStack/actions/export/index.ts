import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';

export { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['export'] } },
		options: [
			{
				name: 'Export All Records',
				value: 'create',
				description:
					"Queue PartnerStack's export of all records of the chosen types; the CSV files are emailed to the teammate given",
				action: 'Export all records',
			},
		],
		default: 'create',
	},
	...create.description,
];
