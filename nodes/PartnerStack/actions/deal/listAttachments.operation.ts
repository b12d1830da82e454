import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pickFields } from '../../helpers/simplify';
import { dealLocator } from '../locators';
import { keyOf, shown } from '../operations';
import { listDealFiles } from './attachments';

export const description = shown('deal', 'listAttachments', [dealLocator]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const key = keyOf.call(this, itemIndex);
	const files = await listDealFiles.call(this, key, itemIndex);
	return files.map((file) => pickFields('deal.listAttachments', { deal_key: key, ...file }));
}
