import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiBody } from '../../helpers/fields';
import { apiName } from '../../model';
import { partnerStackData } from '../../transport';
import { additionalFieldsProperty, simplifyProperty } from '../common.descriptions';
import { output, shown } from '../operations';

const properties: INodeProperties[] = [
	{
		displayName: 'Target Type',
		name: 'targetType',
		type: 'options',
		default: 'partnership',
		description: 'Who performed the action',
		options: [
			{ name: 'Customer', value: 'customer' },
			{ name: 'Partnership', value: 'partnership' },
		],
	},
	{
		displayName: 'Target Key',
		name: 'targetKey',
		type: 'string',
		required: true,
		default: '',
		description: 'The partner key (for a partnership) or the customer key (for a customer)',
	},
	{
		displayName: 'Action Type',
		name: 'type',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. webinar_attended',
		description: 'The action type; it must match an action trigger set up in PartnerStack',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'number',
		required: true,
		default: 1,
		typeOptions: { minValue: 1 },
		description: 'How many times the action was performed (at least 1)',
	},
	additionalFieldsProperty([
		{
			displayName: 'External Key',
			name: 'externalKey',
			type: 'string',
			default: '',
			description: 'Your key for this action',
		},
	]),
	simplifyProperty,
];

export const description = shown('action', 'create', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = toApiBody({
		type: this.getNodeParameter('type', itemIndex),
		value: this.getNodeParameter('value', itemIndex),
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	});
	body[apiName('action', 'targetType')] = this.getNodeParameter('targetType', itemIndex) as string;
	body[apiName('action', 'targetKey')] = String(
		this.getNodeParameter('targetKey', itemIndex),
	).trim();
	const action = await partnerStackData.call(this, 'POST', '/actions', { body, itemIndex });
	return output.call(this, 'action', action, itemIndex);
}
