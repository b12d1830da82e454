import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toApiBody } from '../../helpers/fields';
import { answered, apiName, TAG_CHANGES } from '../../model';
import { partnerStackData } from '../../transport';
import { createSettled, findByPath } from '../../transport/createOnce';
import { partnerStackGetOrNothing } from '../../transport/getOrNothing';
import { additionalFieldsProperty, emailProperty, simplifyProperty } from '../common.descriptions';
import { output, shown } from '../operations';
import { partnershipCreateFields } from './fields';

const properties: INodeProperties[] = [
	emailProperty('Used to create the partner, and to find it when no partner key is given'),
	{
		displayName: 'Partner Key',
		name: 'partnerKey',
		type: 'string',
		default: '',
		description:
			'Finds the partner by this key first; it is also the key of a partner created here',
	},
	additionalFieldsProperty(partnershipCreateFields.filter((field) => field.name !== 'partnerKey')),
	simplifyProperty,
];

export const description = shown('partnership', 'upsert', properties);

/** PATCH accepts these; email and partner key are the identity, and tags have their own endpoint. */
const UPDATABLE = (
	[
		'groupKey',
		'managerEmail',
		'managerName',
		'customFields',
		'meta',
		'firstName',
		'lastName',
		'tierKey',
	] as const
).map((field) => apiName('partnership', field));

async function findPartnership(this: IExecuteFunctions, identifier: string, itemIndex: number) {
	return await partnerStackGetOrNothing.call(
		this,
		`/partnerships/${encodeURIComponent(identifier)}`,
		{ itemIndex },
	);
}

/** Adds the tags the partner lacks, so that it ends with at least the given ones (its other tags stay). */
async function addMissingTags(
	this: IExecuteFunctions,
	partnership: IDataObject,
	tags: string[],
	itemIndex: number,
) {
	const current = new Set(
		(answered(partnership, 'partnership', 'tags') as string[] | undefined) ?? [],
	);
	const missing = tags.filter((tag) => !current.has(tag));
	if (!missing.length) return partnership;
	return await partnerStackData.call(this, 'PATCH', `/partnerships/${partnership.key}/tags`, {
		body: { [TAG_CHANGES.add]: missing, [TAG_CHANGES.remove]: [] },
		itemIndex,
	});
}

/** Updates the partner found by partner key (else by email), or creates it when there is none. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const email = String(this.getNodeParameter('email', itemIndex)).trim();
	const partnerKey = String(this.getNodeParameter('partnerKey', itemIndex, '')).trim();
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = toApiBody({ email, partnerKey, ...additionalFields });

	const existing =
		(partnerKey ? await findPartnership.call(this, partnerKey, itemIndex) : undefined) ??
		(await findPartnership.call(this, email, itemIndex));
	if (!existing) {
		// As Create: a create whose answer was lost is looked up by partner key (else email), never sent blind again.
		const identity = encodeURIComponent(partnerKey || email);
		const created = await createSettled.call(
			this,
			'/partnerships',
			{ body, itemIndex },
			findByPath(this, `/partnerships/${identity}`, { itemIndex }),
		);
		return { ...output.call(this, 'partnership', created, itemIndex), upsertResult: 'created' };
	}
	const changes = Object.fromEntries(
		Object.entries(body).filter(([field]) => UPDATABLE.includes(field)),
	);
	let updated = Object.keys(changes).length
		? await partnerStackData.call(this, 'PATCH', `/partnerships/${existing.key}`, {
				body: changes,
				itemIndex,
			})
		: existing;
	const tags = body[apiName('partnership', 'tags')];
	if (Array.isArray(tags) && tags.length) {
		updated = await addMissingTags.call(this, updated, tags as string[], itemIndex);
	}
	return { ...output.call(this, 'partnership', updated, itemIndex), upsertResult: 'updated' };
}
