import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiBody } from '../../helpers/fields';
import { apiName } from '../../model';
import { createSettled, findByPath } from '../../transport/createOnce';
import { additionalFieldsProperty, emailProperty, simplifyProperty } from '../common.descriptions';
import { output, shown } from '../operations';
import { partnershipCreateFields } from './fields';

const properties: INodeProperties[] = [
	emailProperty("The partner's email"),
	additionalFieldsProperty(partnershipCreateFields),
	simplifyProperty,
];

export const description = shown('partnership', 'create', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const email = this.getNodeParameter('email', itemIndex) as string;
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = toApiBody({ email, ...additionalFields });
	// The partner key (else the email) identifies it: a create whose answer was lost is looked up first.
	const identity = encodeURIComponent(
		String(body[apiName('partnership', 'partnerKey')] || body[apiName('partnership', 'email')]),
	);
	const partnership = await createSettled.call(
		this,
		'/partnerships',
		{ body, itemIndex },
		findByPath(this, `/partnerships/${identity}`, { itemIndex }),
	);
	return output.call(this, 'partnership', partnership, itemIndex);
}
