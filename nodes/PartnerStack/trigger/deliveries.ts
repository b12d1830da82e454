import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Redeliveries. PartnerStack may send a delivery again; a redelivery repeats the body byte for byte. So a
 * delivery is known by a SHA-256 of its exact raw body, not by a guess at identity fields: payloads of some
 * families have no `key` or `updated_at` (a team join, a training completion), and two distinct events of one
 * object must both run.
 */

/** How many recent bodies are remembered at most, so the static data (saved with every run) stays small. */
export const MAX_REMEMBERED_DELIVERIES = 1000;

const RECORD = 'recentDeliveryHashes';
/** The record of earlier versions (identity fields, not hashes), dropped on the next delivery. */
const OLD_RECORD = 'recentDeliveries';

/**
 * The fingerprint of a delivery: its raw body as n8n received it. n8n keeps the raw bytes of a JSON request
 * (`rawBody`); when they are missing, the parsed body serialised again stands in (same payload, same text).
 */
export function deliveryFingerprint(rawBody: Buffer | string | undefined, body: unknown): string {
	const bytes = rawBody !== undefined && rawBody.length > 0 ? rawBody : JSON.stringify(body ?? null);
	return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * Remembers recent deliveries in the workflow's static data (kept in n8n's database, so it holds across
 * processes, restarts and queue-mode workers). Answers true the first time a fingerprint is seen within the
 * window. Past MAX_REMEMBERED_DELIVERIES the oldest are forgotten: a very late redelivery may then run again,
 * but a distinct event is never dropped.
 */
export function firstDelivery(staticData: IDataObject, fingerprint: string, windowMs: number, now = Date.now()): boolean {
	delete staticData[OLD_RECORD];
	const seen = (staticData[RECORD] as Record<string, number> | undefined) ?? {};
	for (const [key, at] of Object.entries(seen)) if (now - at > windowMs) delete seen[key];
	const first = seen[fingerprint] === undefined;
	if (first) {
		seen[fingerprint] = now;
		const entries = Object.entries(seen);
		if (entries.length > MAX_REMEMBERED_DELIVERIES) {
			entries.sort(([, a], [, b]) => a - b);
			for (const [key] of entries.slice(0, entries.length - MAX_REMEMBERED_DELIVERIES)) delete seen[key];
		}
	}
	staticData[RECORD] = seen;
	return first;
}
