import type { IExecuteFunctions } from 'n8n-workflow';

import { partnerStackRequest } from '../../transport';
import { partnershipLocator } from '../locators';
import { keyOf, shown } from '../operations';
import { resolvePartnershipKey } from './fields';

export const description = shown('partnership', 'delete', [partnershipLocator]);

/** PartnerStack archives a partnership rather than erasing it. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const key = await resolvePartnershipKey.call(this, keyOf.call(this, itemIndex), itemIndex);
	const answer = await partnerStackRequest.call(this, 'DELETE', `/partnerships/${key}`, { itemIndex });
	return { key, deleted: true, archived: true, message: answer.message ?? null };
}
