import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	partnerStackData,
	partnerStackRequest,
	type PartnerStackContext,
	type RequestOptions,
} from './index';

/** The status PartnerStack answers for a key it does not have. */
const NOT_FOUND_STATUS = '404';

/** True when the transport's error is PartnerStack saying the object is not there. */
export function isNotFound(error: unknown): boolean {
	return (error as NodeApiError | undefined)?.httpCode === NOT_FOUND_STATUS;
}

async function nothingWhenNotFound<T>(
	context: PartnerStackContext,
	request: Promise<T>,
): Promise<T | undefined> {
	try {
		return await request;
	} catch (error) {
		if (isNotFound(error)) return undefined;
		// The transport's errors are NodeApiErrors already, and n8n hands such an error back as it is.
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
}

/**
 * The `data` of a GET, or undefined when PartnerStack answers 404: how an upsert, a lookup or a settled create
 * asks "is it there?". The request goes through `partnerStackRequest` (auth, pacing, retries); every other
 * error is thrown as the transport made it.
 */
export async function partnerStackGetOrNothing(
	this: PartnerStackContext,
	endpoint: string,
	options: RequestOptions = {},
): Promise<IDataObject | undefined> {
	return await nothingWhenNotFound(this, partnerStackData.call(this, 'GET', endpoint, options));
}

/**
 * A DELETE (PartnerStack archives) where a 404 means it is already gone: true when it was deleted now, false
 * when there was nothing to delete. Every other error is thrown as the transport made it.
 */
export async function partnerStackDeleteIfPresent(
	this: PartnerStackContext,
	endpoint: string,
	options: RequestOptions = {},
): Promise<boolean> {
	const answer = await nothingWhenNotFound(
		this,
		partnerStackRequest.call(this, 'DELETE', endpoint, options),
	);
	return answer !== undefined;
}
