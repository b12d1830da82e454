import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tier'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List the partner tiers of the program (their keys set a partnership's tier)",
				action: 'Get many tiers',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
