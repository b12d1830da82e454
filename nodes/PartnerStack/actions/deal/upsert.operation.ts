import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { answered, apiName } from '../../model';
import { partnerStackData } from '../../transport';
import { partnerStackGetOrNothing } from '../../transport/getOrNothing';
import { additionalFieldsProperty, simplifyProperty } from '../common.descriptions';
import { output, shown } from '../operations';
import { createDeal, dealBody, dealOwnerProperties } from './create.operation';
import { dealFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'External Key',
		name: 'externalKey',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0065g00000XyZab (a CRM opportunity ID)',
		description:
			'Your key for the deal: the deal with this external key is updated, or a deal is created with it',
	},
	...dealOwnerProperties,
	additionalFieldsProperty(dealFields.filter((field) => field.name !== 'externalKey')),
	simplifyProperty,
];

export const description = shown('deal', 'upsert', properties);

/** Fields that say who the deal is, not what changed: an update leaves them as they are. */
const IDENTITY_FIELDS = [apiName('deal', 'source'), apiName('deal', 'externalKey')];

async function findByExternalKey(this: IExecuteFunctions, externalKey: string, itemIndex: number) {
	const deal = await partnerStackGetOrNothing.call(
		this,
		`/deals/${encodeURIComponent(externalKey)}`,
		{ itemIndex },
	);
	// GET /deals/{id} also answers a deal whose own key is that text: only a matching external key counts.
	return answered(deal, 'deal', 'externalKey') === externalKey ? deal : undefined;
}

/** Updates the deal with this external key (PATCH), or creates one (POST) when there is none. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const externalKey = String(this.getNodeParameter('externalKey', itemIndex, '')).trim();
	if (!externalKey)
		throw new Error('External Key is required: it finds the deal to update, or names the new one');
	const body = dealBody.call(this, itemIndex, { externalKey });

	const existing = await findByExternalKey.call(this, externalKey, itemIndex);
	if (!existing) {
		const created = await createDeal.call(this, body, itemIndex);
		return { ...output.call(this, 'deal', created, itemIndex), upsertResult: 'created' };
	}
	const changes = Object.fromEntries(
		Object.entries(body).filter(([field]) => !IDENTITY_FIELDS.includes(field)),
	);
	const updated = Object.keys(changes).length
		? await partnerStackData.call(
				this,
				'PATCH',
				`/deals/${encodeURIComponent(String(existing.key))}`,
				{ body: changes, itemIndex },
			)
		: existing;
	return { ...output.call(this, 'deal', updated, itemIndex), upsertResult: 'updated' };
}
