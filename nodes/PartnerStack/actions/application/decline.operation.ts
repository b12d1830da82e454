import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../common.descriptions';
import { applicationLocator } from '../locators';
import { shown } from '../operations';
import { decide } from './decision';

const properties: INodeProperties[] = [
	applicationLocator,
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. We only partner with agencies at the moment',
		description: 'Why the application is declined (optional; stored as the decline reason)',
	},
	simplifyProperty,
];

export const description = shown('application', 'decline', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const reason = String(this.getNodeParameter('reason', itemIndex, '') ?? '').trim();
	return await decide.call(this, itemIndex, false, reason || undefined);
}
