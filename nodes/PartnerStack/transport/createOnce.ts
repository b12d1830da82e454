import type { IDataObject, IHttpRequestMethods, NodeApiError } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { partnerStackGetOrNothing } from './getOrNothing';
import {
	partnerStackAllItems,
	partnerStackData,
	type PartnerStackContext,
	type RequestOptions,
} from './index';
import { backoffDelayMs, networkErrorCode, RETRY_POLICY } from './retry';

/**
 * How a create whose answer was lost is settled: the object is looked up by its natural key (customer_key,
 * partner_key or email, external_key, a fingerprint). Answers the object when PartnerStack has it, else
 * undefined (then the create is sent again).
 */
export type FindCreated = () => Promise<IDataObject | undefined>;

export interface CreateOnceResult {
	data: IDataObject;
	/** True when the answer was lost and the object was found by its natural key instead. */
	recovered: boolean;
}

/** A lost answer: the connection dropped or timed out, so PartnerStack may or may not have written it. */
export function isLostAnswer(error: unknown): boolean {
	if ((error as NodeApiError).httpCode) return false;
	// The transport's "PartnerStack could not be reached (CODE)" carries the code in its message only.
	const named = /\(([A-Z][A-Z_]+)\)$/.exec(String((error as Error)?.message ?? ''))?.[1];
	return [networkErrorCode(error), named].some(
		(code) => code !== undefined && RETRY_POLICY.retryableNetworkCodes.includes(code),
	);
}

/**
 * Sends a create (POST) at most once per object: when its answer is lost, `find` decides whether PartnerStack
 * wrote it (then that object is the answer) or not (then it is sent again). Never two objects for one create.
 * Errors with an answer (4xx, 5xx after the transport's own retries) are thrown as they are; so is the lost
 * answer of the last attempt, and any error of `find` itself (nothing is sent blind).
 */
export async function createOnce(
	this: PartnerStackContext,
	endpoint: string,
	options: RequestOptions,
	find: FindCreated,
	method: IHttpRequestMethods = 'POST',
): Promise<CreateOnceResult> {
	for (let attempt = 1; ; attempt++) {
		// Not marked idempotent: the transport must not repeat it blindly; this loop decides.
		const sent = await partnerStackData
			.call(this, method, endpoint, { ...options, idempotent: false })
			.then(
				(data) => ({ data }),
				(error: NodeApiError) => ({ error }),
			);
		if ('data' in sent) return { data: sent.data, recovered: false };
		if (!isLostAnswer(sent.error) || attempt >= RETRY_POLICY.maxAttempts) throw sent.error;
		this.logger.debug(
			'PartnerStack create lost its answer: looking it up before sending it again',
			{ endpoint, attempt },
		);
		await sleep(backoffDelayMs(attempt));
		const found = await find();
		if (found) return { data: found, recovered: true };
	}
}

/**
 * A `find` for objects PartnerStack serves by one key (`GET /customers/{customer_key}`, `/deals/{external_key}`,
 * ...): a 404 means it is not there. Archived objects count as absent (a re-create is what the user asked).
 */
export function findByPath(
	context: PartnerStackContext,
	path: string,
	options: RequestOptions = {},
): FindCreated {
	return async () => {
		const found = await partnerStackGetOrNothing.call(context, path, {
			...options,
			body: undefined,
		});
		return found?.archived === true ? undefined : found;
	};
}

/** Clocks differ: an object written "after" the create was sent may carry a slightly earlier created_at. */
export const CLOCK_MARGIN_MS = 5 * 60_000;

/**
 * A `find` for objects API v2 cannot read one by one (transactions, rewards): the list of those created since
 * `createdFrom` (less a clock margin), the first that `matches`.
 */
export function findInList(
	context: PartnerStackContext,
	endpoint: string,
	createdFrom: number,
	matches: (item: IDataObject) => boolean,
	options: RequestOptions = {},
): FindCreated {
	return async () => {
		const items = await partnerStackAllItems.call(
			context,
			endpoint,
			{ min_created: createdFrom - CLOCK_MARGIN_MS },
			Infinity,
			{ ...options, body: undefined },
		);
		return items.find(matches);
	};
}

/**
 * The action node's creates: where the object has a natural key (`find` given), a lost answer is settled by
 * looking it up; without one, a plain POST (the transport never repeats it after a lost connection).
 */
export async function createSettled(
	this: PartnerStackContext,
	endpoint: string,
	options: RequestOptions,
	find: FindCreated | undefined,
): Promise<IDataObject> {
	if (!find) return partnerStackData.call(this, 'POST', endpoint, options);
	return (await createOnce.call(this, endpoint, options, find)).data;
}
