import type { IExecuteFunctions } from 'n8n-workflow';

import { simplifyProperty } from '../common.descriptions';
import { applicationLocator } from '../locators';
import { shown } from '../operations';
import { decide } from './decision';

export const description = shown('application', 'approve', [applicationLocator, simplifyProperty]);

/** PartnerStack turns the approved applicant into a partnership; the output carries its partner_key and partnership_key. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await decide.call(this, itemIndex, true);
}
