import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** A random secret: the registered URL's `token`, and the signing secret offered to PartnerStack. */
export function newToken(): string {
	return randomBytes(32).toString('hex');
}

/**
 * Only a hash of the token is kept: n8n copies a workflow's static data into every execution record, and
 * the token itself must not appear there.
 */
export function tokenHash(token: unknown): string {
	return createHash('sha256').update(String(token ?? '')).digest('hex');
}

export function sameSecret(expected: string, given: unknown): boolean {
	if (typeof given !== 'string' || !expected) return false;
	const a = Buffer.from(expected);
	const b = Buffer.from(given);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** A non-standard `x-partnerstack-signature` (hex HMAC-SHA256 of the raw body) is checked when present. */
export function validSignature(secret: string, rawBody: Buffer | string | undefined, header: unknown): boolean {
	if (typeof header !== 'string' || rawBody === undefined) return false;
	const expected = createHmac('sha256', secret).update(rawBody).digest('hex');
	return sameSecret(expected, header.replace(/^sha256=/, ''));
}

/** PartnerStack may deliver an event more than once: the same object, event and update time is one delivery. */
export function deliveryId(event: string, body: IDataObject): string {
	return [event, body.key ?? body.id ?? '', body.updated_at ?? body.created_at ?? ''].join('|');
}

/**
 * Remembers recent deliveries in the workflow's static data (kept in n8n's database, so it holds across
 * processes and restarts). Answers true the first time a delivery id is seen within the window.
 */
export function firstDelivery(staticData: IDataObject, id: string, windowMs: number, now = Date.now()): boolean {
	const seen = (staticData.recentDeliveries as Record<string, number> | undefined) ?? {};
	for (const [key, at] of Object.entries(seen)) if (now - at > windowMs) delete seen[key];
	const first = seen[id] === undefined;
	if (first) seen[id] = now;
	staticData.recentDeliveries = seen;
	return first;
}
