import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AmountUnit } from '../../helpers/amounts';
import { toApiBody } from '../../helpers/fields';
import { partnerStackData } from '../../transport';
import { amountUnitProperty, simplifyProperty } from '../common.descriptions';
import { dealLocator } from '../locators';
import { keyOf, output, shown } from '../operations';
import { dealFields, groupKeyProperty } from './fields';

const properties: INodeProperties[] = [
	dealLocator,
	{
		...groupKeyProperty,
		description: `Lists the stages to pick from, and moves the deal to this group. ${groupKeyProperty.description}`,
	},
	amountUnitProperty(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				...dealFields,
				{
					displayName: 'Customer Key',
					name: 'customerKey',
					type: 'string',
					default: '',
					description: 'The customer this deal became',
				},
				{
					displayName: 'Partner Key',
					name: 'partnerKey',
					type: 'string',
					default: '',
					description: 'Move the deal to this partner',
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	simplifyProperty,
];

export const description = shown('deal', 'update', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const key = keyOf.call(this, itemIndex);
	const amountUnit = this.getNodeParameter('amountUnit', itemIndex, 'cents') as AmountUnit;
	const body = toApiBody(
		{
			groupKey: this.getNodeParameter('groupKey', itemIndex, ''),
			...(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject),
		},
		amountUnit,
		this.getTimezone(),
	);
	if (!Object.keys(body).length) throw new Error('Add at least one field to update');
	const deal = await partnerStackData.call(this, 'PATCH', `/deals/${encodeURIComponent(key)}`, {
		body,
		itemIndex,
	});
	return output.call(this, 'deal', deal, itemIndex);
}
