import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AmountUnit } from '../../helpers/amounts';
import { toApiBody } from '../../helpers/fields';
import { partnerStackData } from '../../transport';
import { amountUnitProperty, simplifyProperty } from '../common.descriptions';
import { leadLocator } from '../locators';
import { keyOf, output, shown } from '../operations';
import { LEAD_STATUSES, leadMeta, leadOptionalFields } from './fields';

const properties: INodeProperties[] = [
	leadLocator,
	amountUnitProperty(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				...leadOptionalFields,
				{
					displayName: 'Customer Key',
					name: 'customerKey',
					type: 'string',
					default: '',
					description: 'The customer this lead became',
				},
				{ displayName: 'External Key', name: 'externalKey', type: 'string', default: '' },
				{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
				{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
				{ displayName: 'Partner Key', name: 'partnerKey', type: 'string', default: '' },
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					default: 'open',
					options: LEAD_STATUSES,
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	simplifyProperty,
];

export const description = shown('lead', 'update', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const key = keyOf.call(this, itemIndex);
	const values = { ...(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject) };
	const meta = leadMeta(values);
	const body = toApiBody(
		{ ...values, meta },
		this.getNodeParameter('amountUnit', itemIndex, 'cents') as AmountUnit,
	);
	if (!Object.keys(body).length) throw new Error('Add at least one field to update');
	const lead = await partnerStackData.call(this, 'PATCH', `/leads/${encodeURIComponent(key)}`, {
		body,
		itemIndex,
	});
	return output.call(this, 'lead', lead, itemIndex);
}
