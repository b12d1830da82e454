import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { partnerStackData } from '../../transport';
import { groupKeyProperty as groupKey } from '../common.descriptions';

const managerEmail: INodeProperties = {
	displayName: 'Manager Email',
	name: 'managerEmail',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
	description: 'Email of the partner manager on your team',
};
const managerName: INodeProperties = {
	displayName: 'Manager Name',
	name: 'managerName',
	type: 'string',
	default: '',
};
const customFields: INodeProperties = {
	displayName: 'Custom Fields (JSON)',
	name: 'customFields',
	type: 'json',
	default: '[]',
	description: 'PartnerStack "fields": an array of {"field_key": …, "value": …} objects',
};
const meta: INodeProperties = {
	displayName: 'Meta (JSON)',
	name: 'meta',
	type: 'json',
	default: '{}',
	description:
		'Deprecated by PartnerStack in favour of Custom Fields but still accepted. Values sent here are read back in "fields" (or "m_data"), not in "meta".',
};
const partnerKey: INodeProperties = {
	displayName: 'Partner Key',
	name: 'partnerKey',
	type: 'string',
	default: '',
	description:
		'Unique key of the partner in your program; PartnerStack generates one from the name when empty',
};

const tierKey: INodeProperties = {
	displayName: 'Tier Name or ID',
	name: 'tierKey',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTiers' },
	default: '',
	description:
		'The partner\'s tier. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

function byDisplayName(a: INodeProperties, b: INodeProperties) {
	return a.displayName.localeCompare(b.displayName);
}

/** Fields create, update and upsert take. */
const profileFields: INodeProperties[] = [
	customFields,
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	groupKey,
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	managerEmail,
	managerName,
	meta,
	tierKey,
];

export const partnershipCreateFields: INodeProperties[] = (
	[
		...profileFields,
		partnerKey,
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			description: 'Comma-separated tag names',
		},
	] as INodeProperties[]
).sort(byDisplayName);

export const partnershipUpdateFields: INodeProperties[] = [
	...profileFields,
	{ ...partnerKey, description: 'A new partner key for this partner' },
].sort(byDisplayName);

/**
 * PATCH, DELETE and tags take the partnership key (part_…). Users often know the partner key instead:
 * a GET by that identifier answers the partnership, and its key is used.
 */
export async function resolvePartnershipKey(
	this: IExecuteFunctions,
	identifier: string,
	itemIndex: number,
): Promise<string> {
	if (identifier.startsWith('part_')) return identifier;
	const partnership = await partnerStackData.call(
		this,
		'GET',
		`/partnerships/${encodeURIComponent(identifier)}`,
		{
			itemIndex,
		},
	);
	return String((partnership as IDataObject).key ?? identifier);
}
