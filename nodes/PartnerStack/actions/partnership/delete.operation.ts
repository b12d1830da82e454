import type { IExecuteFunctions } from 'n8n-workflow';

import { simplifyProperty } from '../common.descriptions';

import { partnerStackRequest } from '../../transport';
import { partnershipLocator } from '../locators';
import { deletedOutput, keyOf, shown } from '../operations';
import { resolvePartnershipKey } from './fields';

export const description = shown('partnership', 'delete', [partnershipLocator, simplifyProperty]);

/** PartnerStack archives a partnership rather than erasing it. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const key = await resolvePartnershipKey.call(this, keyOf.call(this, itemIndex), itemIndex);
	const answer = await partnerStackRequest.call(this, 'DELETE', `/partnerships/${key}`, {
		itemIndex,
	});
	return { ...deletedOutput.call(this, 'partnership', key, answer, itemIndex), archived: true };
}
