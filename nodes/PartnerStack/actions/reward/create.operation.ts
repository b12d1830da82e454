import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AmountUnit } from '../../helpers/amounts';
import { toApiBody } from '../../helpers/fields';
import { apiName, apiPath, setAt } from '../../model';
import { partnerStackData } from '../../transport';
import {
	additionalFieldsProperty,
	amountUnitProperty,
	simplifyProperty,
} from '../common.descriptions';
import { output, shown } from '../operations';

const properties: INodeProperties[] = [
	{
		displayName: 'Target Type',
		name: 'targetType',
		type: 'options',
		default: 'customer',
		description: 'What the reward is for',
		options: [
			{ name: 'Customer', value: 'customer' },
			{
				name: 'Partnership',
				value: 'partnership',
				description: 'Reward a partner directly (by partner key)',
			},
			{ name: 'Transaction', value: 'transaction' },
		],
	},
	{
		displayName: 'Target Key',
		name: 'targetKey',
		type: 'string',
		required: true,
		default: '',
		description: 'The customer key, transaction key or partner key the reward is for',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'Reward amount (USD)',
	},
	amountUnitProperty(),
	additionalFieldsProperty([
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'Shown to the partner',
		},
	]),
	simplifyProperty,
];

export const description = shown('reward', 'create', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const amountUnit = this.getNodeParameter('amountUnit', itemIndex, 'cents') as AmountUnit;
	const body = toApiBody(
		{
			amount: this.getNodeParameter('amount', itemIndex),
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		},
		amountUnit,
	);
	if ((body.amount as number) < 0) throw new Error('A reward amount cannot be negative');
	const targetType = this.getNodeParameter('targetType', itemIndex) as string;
	const targetKey = String(this.getNodeParameter('targetKey', itemIndex)).trim();
	// PartnerStack documents targets for customers and transactions; a reward for a partner names the partner.
	if (targetType === 'partnership') body[apiName('reward', 'partnerKey')] = targetKey;
	else {
		// `target` names what the reward is for: its type, then its key.
		setAt(body, apiPath('reward', 'targetType'), targetType);
		setAt(body, apiPath('reward', 'targetKey'), targetKey);
	}
	const reward = await partnerStackData.call(this, 'POST', '/rewards', { body, itemIndex });
	return output.call(this, 'reward', reward, itemIndex);
}
