import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiBody } from '../../helpers/fields';
import { partnerStackData } from '../../transport';
import { simplifyProperty } from '../common.descriptions';
import { customerLocator } from '../locators';
import { keyOf, output, shown } from '../operations';
import { customerOptionalFields } from './fields';

const properties: INodeProperties[] = [
	customerLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Customer Key',
				name: 'customerKey',
				type: 'string',
				default: '',
				description: 'A new customer key',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			...customerOptionalFields,
		],
	},
	simplifyProperty,
];

export const description = shown('customer', 'update', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const key = keyOf.call(this, itemIndex);
	const body = toApiBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) throw new Error('Add at least one field to update');
	const customer = await partnerStackData.call(
		this,
		'PATCH',
		`/customers/${encodeURIComponent(key)}`,
		{
			body,
			itemIndex,
		},
	);
	return output.call(this, 'customer', customer, itemIndex);
}
