import type { INodeProperties } from 'n8n-workflow';

/** The record a get/update/delete/convert works on: picked from a list or typed as a key (contract: `key`). */
export function keyLocator(
	resource: string,
	searchListMethod: string,
	placeholder: string,
	description: string,
): INodeProperties {
	return {
		displayName: `${resource} Key`,
		name: 'key',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true, searchFilterRequired: false },
			},
			{
				displayName: 'By Key',
				name: 'id',
				type: 'string',
				placeholder,
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\S+$', errorMessage: 'A key has no spaces' },
					},
				],
			},
		],
	};
}

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export function amountUnitProperty(
	displayOptions?: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: 'Amount Unit',
		name: 'amountUnit',
		type: 'options',
		default: 'cents',
		description:
			'How the amount is entered. PartnerStack stores cents; dollars are converted exactly (10.50 → 1050).',
		options: [
			{ name: 'Cents (as the API)', value: 'cents' },
			{ name: 'Dollars (Converted to Cents)', value: 'dollars' },
		],
		...(displayOptions ? { displayOptions } : {}),
	};
}

const dateFilters: INodeProperties[] = [
	{
		displayName: 'Created After',
		name: 'minCreated',
		type: 'dateTime',
		default: '',
		description: 'Only records created at or after this moment',
	},
	{
		displayName: 'Created Before',
		name: 'maxCreated',
		type: 'dateTime',
		default: '',
		description: 'Only records created at or before this moment',
	},
	{
		displayName: 'Updated After',
		name: 'minUpdated',
		type: 'dateTime',
		default: '',
		description: 'Only records updated at or after this moment',
	},
	{
		displayName: 'Updated Before',
		name: 'maxUpdated',
		type: 'dateTime',
		default: '',
		description: 'Only records updated at or before this moment',
	},
];

export const partnerKeyFilter: INodeProperties = {
	displayName: 'Partner Key',
	name: 'partnerKey',
	type: 'string',
	default: '',
	description: "Only records of this partner (the partner's partner_key)",
};

export const groupFilter: INodeProperties = {
	displayName: 'Group Name or ID',
	name: 'group',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getGroupSlugs' },
	default: '',
	description:
		'Only records in this group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Return All, Limit, Filters and Simplify for a Get Many ("Search records") operation. */
export function getManyProperties(
	extraFilters: INodeProperties[],
	{ withPartnerAndGroup = true }: { withPartnerAndGroup?: boolean } = {},
): INodeProperties[] {
	const filters = [
		...dateFilters,
		...(withPartnerAndGroup ? [groupFilter, partnerKeyFilter] : []),
		...extraFilters,
	];
	filters.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: filters,
		},
		simplifyProperty,
	];
}

/** A group picker whose value is the group's key. */
export const groupKeyProperty: INodeProperties = {
	displayName: 'Group Name or ID',
	name: 'groupKey',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getGroups' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export function emailProperty(description: string, required = true): INodeProperties {
	return {
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		...(required ? { required: true } : {}),
		default: '',
		description,
	};
}

/** The optional fields of a create or upsert. */
export function additionalFieldsProperty(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}
