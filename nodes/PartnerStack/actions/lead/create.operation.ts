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
import { LEAD_STATUSES, leadMeta, leadOptionalFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Partner Key',
		name: 'partnerKey',
		type: 'string',
		required: true,
		default: '',
		description: "The submitting partner's partner key",
	},
	{
		displayName: 'External Key',
		name: 'externalKey',
		type: 'string',
		required: true,
		default: '',
		description: 'Your unique key for the lead, often its email',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'open',
		options: LEAD_STATUSES,
	},
	{ displayName: 'First Name', name: 'firstName', type: 'string', required: true, default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', required: true, default: '' },
	amountUnitProperty(),
	additionalFieldsProperty(leadOptionalFields),
	simplifyProperty,
];

export const description = shown('lead', 'create', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const values: IDataObject = {
		partnerKey: this.getNodeParameter('partnerKey', itemIndex),
		externalKey: this.getNodeParameter('externalKey', itemIndex),
		status: this.getNodeParameter('status', itemIndex),
		firstName: this.getNodeParameter('firstName', itemIndex),
		lastName: this.getNodeParameter('lastName', itemIndex),
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	const meta = leadMeta(values);
	const body = toApiBody(
		{ ...values, meta },
		this.getNodeParameter('amountUnit', itemIndex, 'cents') as AmountUnit,
	);
	// The external_key identifies it: a create whose answer was lost is looked up before being sent again.
	const externalKey = body[apiName('lead', 'externalKey')];
	const find = externalKey
		? findByPath(this, `/leads/${encodeURIComponent(String(externalKey))}`, { itemIndex })
		: undefined;
	const lead = await createSettled.call(this, '/leads', { body, itemIndex }, find);
	return output.call(this, 'lead', lead, itemIndex);
}
