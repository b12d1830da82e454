import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiBody } from '../../helpers/fields';
import { partnerStackData } from '../../transport';
import { simplifyProperty } from '../common.descriptions';
import { partnershipLocator } from '../locators';
import { keyOf, output, shown } from '../operations';
import { partnershipUpdateFields, resolvePartnershipKey } from './fields';

const properties: INodeProperties[] = [
	partnershipLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: partnershipUpdateFields,
	},
	simplifyProperty,
];

export const description = shown('partnership', 'update', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const key = await resolvePartnershipKey.call(this, keyOf.call(this, itemIndex), itemIndex);
	const body = toApiBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) throw new Error('Add at least one field to update');
	const partnership = await partnerStackData.call(this, 'PATCH', `/partnerships/${key}`, {
		body,
		itemIndex,
	});
	return output.call(this, 'partnership', partnership, itemIndex);
}
