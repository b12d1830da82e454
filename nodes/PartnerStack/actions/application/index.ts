import type { INodeProperties } from 'n8n-workflow';

import * as approve from './approve.operation';
import * as decline from './decline.operation';
import * as getAll from './getAll.operation';

export { approve, decline, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['application'] } },
		options: [
			{
				name: 'Approve',
				value: 'approve',
				description:
					'Approve a pending application by its key; PartnerStack creates the partnership and the output carries its partner key',
				action: 'Approve an application',
			},
			{
				name: 'Decline',
				value: 'decline',
				description: 'Decline a pending application by its key, with an optional reason',
				action: 'Decline an application',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List applications to join the program, filtered by status (pending, approved, declined), group or date',
				action: 'Get many applications',
			},
		],
		default: 'getAll',
	},
	...approve.description,
	...decline.description,
	...getAll.description,
];
