import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiBody } from '../../helpers/fields';
import { apiName } from '../../model';
import { createSettled, findByPath } from '../../transport/createOnce';
import { additionalFieldsProperty, emailProperty, simplifyProperty } from '../common.descriptions';
import { output, shown } from '../operations';
import {
	customerOptionalFields,
	partnerKeyFor,
	partnerKeyProperty,
	useTestPartnerProperty,
} from './fields';

const properties: INodeProperties[] = [
	emailProperty("The customer's email"),
	partnerKeyProperty,
	useTestPartnerProperty,
	{
		displayName: 'Customer Key',
		name: 'customerKey',
		type: 'string',
		default: '',
		description:
			'Your unique key for this customer (the PartnerStackJS customer_key); sent as null when empty',
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
	const customerKey = apiName('customer', 'customerKey');
	body[customerKey] = body[customerKey] ?? null;
	// A customer_key identifies it: a create whose answer was lost is looked up before being sent again.
	const find = body[customerKey]
		? findByPath(this, `/customers/${encodeURIComponent(String(body[customerKey]))}`, { itemIndex })
		: undefined;
	const customer = await createSettled.call(this, '/customers', { body, itemIndex }, find);
	return output.call(this, 'customer', customer, itemIndex);
}
