/** How the transport retries: bounded attempts, Retry-After honoured, otherwise exponential backoff with jitter. */
export const RETRY_POLICY = {
	maxAttempts: 6,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
	/** A Retry-After longer than this is not waited for: the error says when to try again instead. */
	maxRetryAfterMs: 120_000,
	retryableStatuses: [429, 500, 502, 503, 504],
	/** Network failures that say nothing was answered; a refused connection or unknown host is not retried. */
	retryableNetworkCodes: ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET'],
	requestTimeoutMs: 30_000,
};

export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
	const exponential = Math.min(RETRY_POLICY.maxDelayMs, RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(exponential / 2 + (exponential / 2) * random());
}

/** Retry-After is either delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(header: unknown, now: number = Date.now()): number | undefined {
	if (header === undefined || header === null || header === '') return undefined;
	const text = String(Array.isArray(header) ? header[0] : header).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function networkErrorCode(error: unknown): string {
	const candidate = error as {
		code?: unknown;
		httpCode?: unknown;
		cause?: { code?: unknown; cause?: { code?: unknown } };
		message?: unknown;
	};
	const code = [candidate?.cause?.code, candidate?.cause?.cause?.code, candidate?.code, candidate?.httpCode].find(
		(value) => typeof value === 'string' && /^[A-Z_]+$/.test(value),
	);
	if (typeof code === 'string') return code;
	const message = String(candidate?.message ?? '');
	if (/socket hang up|ECONNRESET/i.test(message)) return 'ECONNRESET';
	if (/timeout|timed out/i.test(message)) return 'ETIMEDOUT';
	if (/ECONNREFUSED/i.test(message)) return 'ECONNREFUSED';
	if (/ENOTFOUND/i.test(message)) return 'ENOTFOUND';
	return 'UNKNOWN';
}
