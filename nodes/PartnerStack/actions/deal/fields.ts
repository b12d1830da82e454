import type { INodeProperties } from 'n8n-workflow';

export { groupKeyProperty } from '../common.descriptions';

export const dealFields: INodeProperties[] = [
	{
		displayName: 'Account Name',
		name: 'accountName',
		type: 'string',
		default: '',
		description: "The prospect's business name",
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 2 },
		description: 'Deal value, in the unit chosen in Amount Unit',
	},
	{
		displayName: 'Close Date',
		name: 'closeDate',
		type: 'dateTime',
		default: '',
		description: 'Expected close date',
	},
	{ displayName: 'Contact First Name', name: 'contactFirstName', type: 'string', default: '' },
	{ displayName: 'Contact Last Name', name: 'contactLastName', type: 'string', default: '' },
	{
		displayName: 'Custom Fields (JSON)',
		name: 'customFields',
		type: 'json',
		default: '[]',
		description: 'PartnerStack "fields": an array of {"field_key": …, "value": …} objects',
	},
	{
		displayName: 'External Key',
		name: 'externalKey',
		type: 'string',
		default: '',
		description: 'Your key for the deal, e.g. the CRM opportunity ID',
	},
	{
		displayName: 'Form Template Name or ID',
		name: 'moldKey',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDealFormTemplates', loadOptionsDependsOn: ['groupKey'] },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Lost Reason',
		name: 'lostReason',
		type: 'string',
		default: '',
		description: 'Why a closed/lost deal was lost',
	},
	{
		displayName: 'Stage Name or ID',
		name: 'stage',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDealStages', loadOptionsDependsOn: ['groupKey'] },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
];
