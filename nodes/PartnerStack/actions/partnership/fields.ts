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
	description: 'Deprecated by PartnerStack in favour of Custom Fields but still accepted. Values sent here are read back in "fields" (or "m_data"), not in "meta".',
};
const partnerKey: INodeProperties = {
	displayName: 'Partner Key',
	name: 'partnerKey',
	type: 'string',
	default: '',
	description: 'Unique key of the partner in your program; PartnerStack generates one from the name when empty',
};

/** Fields both create and update take. */
const profileFields: INodeProperties[] = [
	customFields,
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	groupKey,
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	managerEmail,
	managerName,
	meta,
];

export const partnershipCreateFields: INodeProperties[] = [
	...profileFields,
	partnerKey,
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		description: 'Comma-separated tag names',
	},
];

export const partnershipUpdateFields: INodeProperties[] = [
	...profileFields,
	{ ...partnerKey, description: 'A new partner key for this partner' },
	{ displayName: 'Tier Key', name: 'tierKey', type: 'string', default: '' },
];

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
	const partnership = await partnerStackData.call(this, 'GET', `/partnerships/${encodeURIComponent(identifier)}`, {
		itemIndex,
	});
	return String((partnership as IDataObject).key ?? identifier);
}
