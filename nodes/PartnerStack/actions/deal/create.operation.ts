import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AmountUnit } from '../../helpers/amounts';
import { toApiBody } from '../../helpers/fields';
import { apiName } from '../../model';
import { createSettled, findByPath } from '../../transport/createOnce';
import {
	additionalFieldsProperty,
	amountUnitProperty,
	simplifyProperty,
} from '../common.descriptions';
import { output, shown } from '../operations';
import { dealFields, groupKeyProperty } from './fields';

/** Who owns the deal and how its amount is entered: Create and Create or Update both start with these. */
export const dealOwnerProperties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		default: 'partner',
		description: 'Who registered the deal',
		options: [
			{
				name: 'Partner',
				value: 'partner',
				description: 'A partner registered it: Partner Key is required',
			},
			{
				name: 'Vendor',
				value: 'vendor',
				description: 'Your team registered it: Group is required',
			},
		],
	},
	{
		displayName: 'Partner Key',
		name: 'partnerKey',
		type: 'string',
		default: '',
		displayOptions: { show: { source: ['partner'] } },
		required: true,
		description: "The owning partner's partner key",
	},
	{
		...groupKeyProperty,
		description: `The deal's group (required for vendor deals; it also lists the stages). ${groupKeyProperty.description}`,
	},
	amountUnitProperty(),
];

const properties: INodeProperties[] = [
	...dealOwnerProperties,
	additionalFieldsProperty(dealFields),
	simplifyProperty,
];

export const description = shown('deal', 'create', properties);

/** The deal's API body from the owner parameters and Additional Fields (`extra` adds what the operation itself asks). */
export function dealBody(
	this: IExecuteFunctions,
	itemIndex: number,
	extra: IDataObject = {},
): IDataObject {
	const source = this.getNodeParameter('source', itemIndex, 'partner') as string;
	const amountUnit = this.getNodeParameter('amountUnit', itemIndex, 'cents') as AmountUnit;
	return toApiBody(
		{
			source,
			partnerKey: source === 'partner' ? this.getNodeParameter('partnerKey', itemIndex, '') : '',
			groupKey: this.getNodeParameter('groupKey', itemIndex, ''),
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			...extra,
		},
		amountUnit,
		this.getTimezone(),
	);
}

/** POST /deals; with an external key, a create whose answer was lost is looked up before being sent again. */
export async function createDeal(this: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	if (body[apiName('deal', 'source')] === 'vendor' && !body[apiName('deal', 'groupKey')])
		throw new Error('A vendor deal needs a Group');
	const externalKey = body[apiName('deal', 'externalKey')];
	const find = externalKey
		? findByPath(this, `/deals/${encodeURIComponent(String(externalKey))}`, { itemIndex })
		: undefined;
	return await createSettled.call(this, '/deals', { body, itemIndex }, find);
}

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const deal = await createDeal.call(this, dealBody.call(this, itemIndex), itemIndex);
	return output.call(this, 'deal', deal, itemIndex);
}
