import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { TAG_CHANGES } from '../../model';
import { partnerStackData } from '../../transport';
import { simplifyProperty } from '../common.descriptions';
import { partnershipLocator } from '../locators';
import { keyOf, output, shown } from '../operations';
import { resolvePartnershipKey } from './fields';

const properties: INodeProperties[] = [
	partnershipLocator,
	{
		displayName: 'Tags to Add',
		name: 'tagsToAdd',
		type: 'string',
		default: '',
		placeholder: 'e.g. gold, emea',
		description: 'Comma-separated tag names to add',
	},
	{
		displayName: 'Tags to Remove',
		name: 'tagsToRemove',
		type: 'string',
		default: '',
		placeholder: 'e.g. trial',
		description: 'Comma-separated tag names to remove',
	},
	simplifyProperty,
];

export const description = shown('partnership', 'modifyTags', properties);

function tagList(value: unknown): string[] {
	return [
		...new Set(
			String(value ?? '')
				.split(',')
				.map((tag) => tag.trim())
				.filter(Boolean),
		),
	];
}

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const add = tagList(this.getNodeParameter('tagsToAdd', itemIndex, ''));
	const remove = tagList(this.getNodeParameter('tagsToRemove', itemIndex, ''));
	if (!add.length && !remove.length) throw new Error('Enter at least one tag to add or to remove');
	const key = await resolvePartnershipKey.call(this, keyOf.call(this, itemIndex), itemIndex);
	const partnership = await partnerStackData.call(this, 'PATCH', `/partnerships/${key}/tags`, {
		body: { [TAG_CHANGES.add]: add, [TAG_CHANGES.remove]: remove },
		itemIndex,
	});
	return output.call(this, 'partnership', partnership, itemIndex);
}
