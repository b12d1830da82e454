import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiBody } from '../helpers/fields';
import { partnerStackData } from '../transport';
import { simplifyProperty } from './common.descriptions';
import { keyOf, output, shown } from './operations';
import type { Operation, ResourceName } from './types';

/** Deals and leads convert the same way: POST …/convert with the new customer's email (and key). */
export function convertOperation(
	resource: ResourceName,
	locator: INodeProperties,
	collection: string,
): Operation {
	const properties: INodeProperties[] = [
		locator,
		{
			displayName: 'Customer Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: 'Email of the customer the ' + resource + ' becomes',
		},
		{
			displayName: 'Customer Key',
			name: 'customerKey',
			type: 'string',
			default: '',
			description: 'Your key for the new customer (optional)',
		},
		simplifyProperty,
	];
	return {
		description: shown(resource, 'convert', properties),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const key = keyOf.call(this, itemIndex);
			const body: IDataObject = toApiBody({
				email: this.getNodeParameter('email', itemIndex),
				customerKey: this.getNodeParameter('customerKey', itemIndex, ''),
			});
			const customer = await partnerStackData.call(
				this,
				'POST',
				`/${collection}/${encodeURIComponent(key)}/convert`,
				{
					body,
					itemIndex,
				},
			);
			return {
				...output.call(this, 'customer', customer, itemIndex),
				converted_from: { type: resource, key },
			};
		},
	};
}
