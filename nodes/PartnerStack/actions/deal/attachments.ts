import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { partnerStackData } from '../../transport';
import { isNotFound } from '../../transport/getOrNothing';

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
 * rest of the API has, so the /api/v2 path is tried first and the /api one after a 404. When neither answers
 * the URL, the error is the /api/v2 path's 404: the path every other call of the node uses.
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
	} catch (notOnV2) {
		if (!isNotFound(notOnV2)) throw new NodeApiError(this.getNode(), notOnV2 as JsonObject);
		try {
			return (await partnerStackData.call(this, 'GET', `/api${tail}`, { itemIndex })).url as string;
		} catch {
			throw new NodeApiError(this.getNode(), notOnV2 as JsonObject);
		}
	}
}
