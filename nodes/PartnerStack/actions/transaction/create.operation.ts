import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AmountUnit } from '../../helpers/amounts';
import { toApiBody } from '../../helpers/fields';
import { answered, apiName } from '../../model';
import { createSettled, findInList } from '../../transport/createOnce';
import { amountUnitProperty, simplifyProperty } from '../common.descriptions';
import { output, shown } from '../operations';

const properties: INodeProperties[] = [
	{
		displayName: 'Find Customer By',
		name: 'customerKeyType',
		type: 'options',
		default: 'customer_external_key',
		description: 'Which customer reference Customer Key holds (PartnerStack takes exactly one)',
		options: [
			{ name: 'Customer Email', value: 'customer_email' },
			{
				name: 'PartnerStack Customer Key',
				value: 'customer_key',
				description: 'The key PartnerStack gave the customer',
			},
			{
				name: 'Your Customer Key',
				value: 'customer_external_key',
				description: 'The customer_key you set when creating the customer',
			},
		],
	},
	{
		displayName: 'Customer Key',
		name: 'customerKey',
		type: 'string',
		required: true,
		default: '',
		description: 'The customer the sale belongs to',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { numberPrecision: 2 },
		description: 'Sale amount; negative for a refund',
	},
	amountUnitProperty(),
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: 'USD',
		description: 'Three-letter ISO 4217 code',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Category Key',
				name: 'categoryKey',
				type: 'string',
				default: '',
				description: 'Category for reward rules',
			},
			{
				displayName: 'Created At',
				name: 'createdAt',
				type: 'dateTime',
				default: '',
				description: 'Backdate the transaction',
			},
			{
				displayName: 'Member Key',
				name: 'memberKey',
				type: 'string',
				default: '',
				description: 'The partner team member who drove the sale',
			},
			{
				displayName: 'Metadata (JSON)',
				name: 'metadata',
				type: 'json',
				default: '{}',
				description: 'Up to 25 attributes',
			},
			{
				displayName: 'Product Key',
				name: 'productKey',
				type: 'string',
				default: '',
				description: 'Product for reward rules',
			},
			{
				displayName: 'Transaction Key',
				name: 'key',
				type: 'string',
				default: '',
				description:
					'Your unique key for this sale. Recommended: PartnerStack refuses a second transaction with the same key, so a retried or re-run workflow never records the sale twice.',
			},
		],
	},
	simplifyProperty,
];

export const description = shown('transaction', 'create', properties);

/** Transactions are append-only in PartnerStack: this inserts, it never updates. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const amountUnit = this.getNodeParameter('amountUnit', itemIndex, 'cents') as AmountUnit;
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = toApiBody(
		{
			amount: this.getNodeParameter('amount', itemIndex),
			currency: String(this.getNodeParameter('currency', itemIndex)).trim().toUpperCase(),
			...additionalFields,
		},
		amountUnit,
		this.getTimezone(),
	);
	// The parameter's values are the body fields themselves (customer_key, customer_external_key, customer_email).
	const referenceField = this.getNodeParameter(
		'customerKeyType',
		itemIndex,
		apiName('transaction', 'customerExternalKey'),
	) as string;
	body[referenceField] = String(this.getNodeParameter('customerKey', itemIndex)).trim();
	// A key identifies it. API v2 has no read of one transaction: a create whose answer was lost is looked up
	// in the list of recent ones (from its backdated created_at when given) before being sent again.
	const key = body[apiName('transaction', 'key')];
	const createdAt = body[apiName('transaction', 'createdAt')];
	const find = key
		? findInList(
				this,
				'/transactions',
				typeof createdAt === 'number' ? createdAt : Date.now(),
				(item) => answered(item, 'transaction', 'key') === key,
				{ itemIndex },
			)
		: undefined;
	const transaction = await createSettled.call(this, '/transactions', { body, itemIndex }, find);
	return output.call(this, 'transaction', transaction, itemIndex);
}
