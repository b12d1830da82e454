import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiBody } from '../../helpers/fields';
import { partnerStackData } from '../../transport';
import { createSettled, findByPath } from '../../transport/createOnce';
import { partnerStackGetOrNothing } from '../../transport/getOrNothing';
import { additionalFieldsProperty, emailProperty, simplifyProperty } from '../common.descriptions';
import { output, shown } from '../operations';
import {
	customerOptionalFields,
	partnerKeyFor,
	partnerKeyProperty,
	useTestPartnerProperty,
} from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Customer Key',
		name: 'customerKey',
		type: 'string',
		required: true,
		default: '',
		description:
			'Your unique key for the customer: the customer with this key is updated, or created when missing',
	},
	emailProperty("The customer's email"),
	{
		...partnerKeyProperty,
		description: "The referring partner's partner key (used when the customer is created)",
	},
	useTestPartnerProperty,
	additionalFieldsProperty(customerOptionalFields),
	simplifyProperty,
];

export const description = shown('customer', 'upsert', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerKey = String(this.getNodeParameter('customerKey', itemIndex)).trim();
	if (!customerKey) throw new Error('Customer Key is required to find the customer');
	const path = `/customers/${encodeURIComponent(customerKey)}`;
	const fields = {
		email: this.getNodeParameter('email', itemIndex),
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};

	const existing = await partnerStackGetOrNothing.call(this, path, { itemIndex });
	if (existing && existing.archived !== true) {
		const updated = await partnerStackData.call(this, 'PATCH', path, {
			body: toApiBody(fields),
			itemIndex,
		});
		return { ...output.call(this, 'customer', updated, itemIndex), upsertResult: 'updated' };
	}
	const partnerKey = await partnerKeyFor.call(this, itemIndex);
	const body = toApiBody({ ...fields, customerKey, partnerKey });
	// As Create: a create whose answer was lost is looked up by its customer key, never sent blind again.
	const created = await createSettled.call(
		this,
		'/customers',
		{ body, itemIndex },
		findByPath(this, path, { itemIndex }),
	);
	return { ...output.call(this, 'customer', created, itemIndex), upsertResult: 'created' };
}
