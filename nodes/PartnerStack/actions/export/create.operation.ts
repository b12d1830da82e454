import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { pickFields } from '../../helpers/simplify';
import { partnerStackRequest } from '../../transport';
import { shown } from '../operations';

/** The files of PartnerStack's "Export all records" (Partners → All partners); leads and deals depend on the plan. */
export const EXPORT_TYPES = [
	{ name: 'Applications', value: 'applications' },
	{ name: 'Customers', value: 'customers' },
	{ name: 'Deals', value: 'deals' },
	{ name: 'Leads', value: 'leads' },
	{ name: 'Partners', value: 'partners' },
	{ name: 'Rewards', value: 'rewards' },
	{ name: 'Transactions', value: 'transactions' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Teammate Email',
		name: 'memberEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description:
			'The teammate (a user of your PartnerStack account) the export files are emailed to',
	},
	{
		displayName: 'Record Types',
		name: 'exportTypes',
		type: 'multiOptions',
		required: true,
		default: ['partners'],
		description: 'The record types to export, one CSV file each',
		options: EXPORT_TYPES,
	},
];

export const description = shown('export', 'create', properties);

const FORBIDDEN_HINT =
	'PartnerStack refuses an export when the API keys may read none of the chosen record types: leads and deals exports need a plan that includes them, and the keys need full access to the others. Choose other record types, or ask a PartnerStack admin.';

/** Queues the export; PartnerStack emails the files to the teammate later, so the output is the request's receipt. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const memberEmail = String(this.getNodeParameter('memberEmail', itemIndex, '')).trim();
	const exportTypes = this.getNodeParameter('exportTypes', itemIndex, []) as string[];
	if (!memberEmail)
		throw new Error('Teammate Email is required: the export is emailed to this teammate');
	if (!exportTypes.length) throw new Error('Choose at least one record type to export');
	let answer;
	try {
		answer = await partnerStackRequest.call(this, 'POST', '/exports/base-records', {
			body: { member_email: memberEmail, export_types: exportTypes },
			itemIndex,
		});
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '403') {
			error.description = [error.description, FORBIDDEN_HINT].filter(Boolean).join(' ');
		}
		throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
	}
	const data = (answer.data ?? {}) as IDataObject;
	return pickFields('export.create', {
		member_email: memberEmail,
		export_types: exportTypes,
		...data,
		message: answer.message ?? null,
	});
}
