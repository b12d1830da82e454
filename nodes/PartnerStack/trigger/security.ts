import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';

/**
 * n8n copies a workflow's static data into every execution record, so the trigger keeps no secret there in
 * plain text. What it keeps instead:
 * - `webhookTokenHash`: a SHA-256 of the URL's `token`. A delivery proves itself by the token it carries.
 * - `webhookSigningSalt`: a random value, useless alone. The signing secret offered to PartnerStack is derived
 *   from it and the credential's secret key, and derived again when a signed delivery must be checked.
 * - `webhookSigningSecretHash`: a SHA-256 of that derived secret, to notice that the credential changed since
 *   the hook was registered (then signatures cannot be checked, and the hook is registered again).
 */

/** A random secret: the registered URL's `token`, and the signing salt. */
export function newToken(): string {
	return randomBytes(32).toString('hex');
}

/** A one-way fingerprint of a secret: what static data may hold. */
export function tokenHash(token: unknown): string {
	return createHash('sha256')
		.update(String(token ?? ''))
		.digest('hex');
}

/** The signing secret for a salt: an HMAC under the credential's secret key, so nothing in static data gives it. */
export function signingSecret(credentialSecretKey: string, salt: string): string {
	return createHmac('sha256', credentialSecretKey)
		.update(`n8n-nodes-partnerstack webhook signing secret|${salt}`)
		.digest('hex');
}

export function sameSecret(expected: string, given: unknown): boolean {
	if (typeof given !== 'string' || !expected) return false;
	const a = Buffer.from(expected);
	const b = Buffer.from(given);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** A non-standard `x-partnerstack-signature` (hex HMAC-SHA256 of the raw body) is checked when present. */
export function validSignature(
	secret: string,
	rawBody: Buffer | string | undefined,
	header: unknown,
): boolean {
	if (typeof header !== 'string' || rawBody === undefined || !secret) return false;
	const expected = createHmac('sha256', secret).update(rawBody).digest('hex');
	return sameSecret(expected, header.replace(/^sha256=/, ''));
}
