import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiBody } from '../../helpers/fields';
import { partnerStackData } from '../../transport';
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
	const partnership = await partnerStackData.call(this, 'POST', '/partnerships', { body, itemIndex });
	return output.call(this, 'partnership', partnership, itemIndex);
}
