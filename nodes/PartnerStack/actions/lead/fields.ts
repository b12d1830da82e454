import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

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

/** PartnerStack keeps the lead's person in `meta` (first and last name are required there). */
export function leadMeta(values: IDataObject): IDataObject | undefined {
	const formFields =
		typeof values.formFields === 'string'
			? jsonParse<IDataObject>(values.formFields, {
					errorMessage: '"Form Fields" must be valid JSON',
				})
			: ((values.formFields as IDataObject | undefined) ?? {});
	const meta: IDataObject = { ...formFields };
	for (const [name, field] of [
		['firstName', 'first_name'],
		['lastName', 'last_name'],
		['email', 'email'],
	]) {
		const value = String(values[name] ?? '').trim();
		if (value) meta[field] = value;
	}
	delete values.formFields;
	delete values.firstName;
	delete values.lastName;
	delete values.email;
	return Object.keys(meta).length ? meta : undefined;
}
