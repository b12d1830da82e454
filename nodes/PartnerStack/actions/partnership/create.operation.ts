import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiBody } from '../../helpers/fields';
import { partnerStackData } from '../../transport';
import { simplifyProperty } from '../common.descriptions';
import { output, shown } from '../operations';
import { partnershipCreateFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: "The partner's email",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: partnershipCreateFields,
	},
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
