import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import type { ModelField } from '../../model';
import { lead } from '../../model/lead';
import { groupKeyProperty } from '../common.descriptions';

export const LEAD_STATUSES = [
	{ name: 'Closed (Qualified)', value: 'closed' },
	{ name: 'Closed Lost', value: 'closed lost' },
	{ name: 'Closed Won', value: 'closed won' },
	{ name: 'Dead (Unqualified)', value: 'dead' },
	{ name: 'Open (New)', value: 'open' },
];

export const leadOptionalFields: INodeProperties[] = [
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 2 },
		description: 'Lead value, in the unit chosen in Amount Unit',
	},
	{
		displayName: 'Approved',
		name: 'approved',
		type: 'boolean',
		default: false,
		description: 'Whether the lead may move past the closed stage',
	},
	{
		displayName: 'Custom Fields (JSON)',
		name: 'customFields',
		type: 'json',
		default: '[]',
		description: 'PartnerStack "fields": an array of {"field_key": …, "value": …} objects',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: "The lead's email (stored in meta)",
	},
	{
		displayName: 'Form Fields (JSON)',
		name: 'formFields',
		type: 'json',
		default: '{}',
		description: 'Other answers of the lead form, as {"field name": value}; stored in meta',
	},
	groupKeyProperty,
];

/** The lead's fields that live in `meta` and have a parameter (first and last name, email), as the model says. */
const LEAD_META_FIELDS = Object.values(lead).flatMap((field: ModelField) =>
	field.inside === 'meta' && field.param ? [{ param: field.param, api: field.api }] : [],
);

/** PartnerStack keeps the lead's person in `meta` (first and last name are required there). */
export function leadMeta(values: IDataObject): IDataObject | undefined {
	const formFields =
		typeof values.formFields === 'string'
			? jsonParse<IDataObject>(values.formFields, {
					errorMessage: '"Form Fields" must be valid JSON',
				})
			: ((values.formFields as IDataObject | undefined) ?? {});
	const meta: IDataObject = { ...formFields };
	for (const { param, api } of LEAD_META_FIELDS) {
		const value = String(values[param] ?? '').trim();
		if (value) meta[api] = value;
		delete values[param];
	}
	delete values.formFields;
	return Object.keys(meta).length ? meta : undefined;
}
