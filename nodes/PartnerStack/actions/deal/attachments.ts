import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { partnerStackData } from '../../transport';

export async function listDealFiles(this: IExecuteFunctions, dealKey: string, itemIndex: number) {
	const data = (await partnerStackData.call(
		this,
		'GET',
		`/deals/${encodeURIComponent(dealKey)}/files`,
		{
			itemIndex,
		},
	)) as { deal_files?: IDataObject[] };
	return data.deal_files ?? [];
}

/**
 * The file endpoint answers a short-lived download URL. Its documented path lacks the /v2 segment the
 * rest of the API has, so the /api/v2 path is tried first and the /api one after a 404.
 */
export async function dealFileUrl(
	this: IExecuteFunctions,
	dealKey: string,
	fileKey: string,
	itemIndex: number,
) {
	const tail = `/deals/${encodeURIComponent(dealKey)}/file/${encodeURIComponent(fileKey)}`;
	try {
		return (await partnerStackData.call(this, 'GET', tail, { itemIndex })).url as string;
	} catch (error) {
		if ((error as JsonObject).httpCode !== '404')
			throw new NodeApiError(this.getNode(), error as JsonObject);
		try {
			return (await partnerStackData.call(this, 'GET', `/api${tail}`, { itemIndex })).url as string;
		} catch {
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	}
}
