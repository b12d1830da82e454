import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiBody } from '../../helpers/fields';
import { partnerStackData } from '../../transport';
import { additionalFieldsProperty, emailProperty, simplifyProperty } from '../common.descriptions';
import { output, shown } from '../operations';
import { customerOptionalFields, partnerKeyFor, partnerKeyProperty, useTestPartnerProperty } from './fields';

const properties: INodeProperties[] = [
	emailProperty("The customer's email"),
	partnerKeyProperty,
	useTestPartnerProperty,
	{
		displayName: 'Customer Key',
		name: 'customerKey',
		type: 'string',
		default: '',
		description: 'Your unique key for this customer (the PartnerStackJS customer_key); sent as null when empty',
	},
	additionalFieldsProperty(customerOptionalFields),
	simplifyProperty,
];

export const description = shown('customer', 'create', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const partnerKey = await partnerKeyFor.call(this, itemIndex);
	const body = toApiBody({
		email: this.getNodeParameter('email', itemIndex),
		partnerKey,
		customerKey: this.getNodeParameter('customerKey', itemIndex, ''),
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	});
	body.customer_key = body.customer_key ?? null;
	const customer = await partnerStackData.call(this, 'POST', '/customers', { body, itemIndex });
	return output.call(this, 'customer', customer, itemIndex);
}
