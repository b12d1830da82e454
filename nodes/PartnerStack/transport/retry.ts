/**
 * How the transport retries 5xx answers and lost connections: bounded attempts, Retry-After honoured, otherwise
 * exponential backoff with jitter. A 429 is the pacer's business and is bounded by time (`PACER_POLICY`).
 */
export const RETRY_POLICY = {
	maxAttempts: 6,
	baseDelayMs: 500,
	maxDelayMs: 20_000,
	/** A Retry-After longer than this is not waited for: the error says when to try again instead. */
	maxRetryAfterMs: 120_000,
	retryableStatuses: [500, 502, 503, 504],
	/** Network failures that say nothing was answered; a refused connection or unknown host is not retried. */
	retryableNetworkCodes: [
		'ECONNRESET',
		'ETIMEDOUT',
		'ECONNABORTED',
		'EPIPE',
		'ESOCKETTIMEDOUT',
		'EAI_AGAIN',
		'UND_ERR_SOCKET',
	],
	requestTimeoutMs: 30_000,
};

export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
	const exponential = Math.min(
		RETRY_POLICY.maxDelayMs,
		RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1),
	);
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

const CODE = /^E[A-Z_]+$|^UND_ERR_[A-Z_]+$/;

/** Node, undici and axios nest the system error differently; this finds its code wherever it sits. */
export function networkErrorCode(error: unknown): string {
	const seen = new Set<unknown>();
	const queue: unknown[] = [error];
	const messages: string[] = [];
	while (queue.length) {
		const current = queue.shift() as {
			code?: unknown;
			httpCode?: unknown;
			message?: unknown;
			cause?: unknown;
			errors?: unknown[];
		} | null;
		if (!current || typeof current !== 'object' || seen.has(current)) continue;
		seen.add(current);
		for (const value of [current.code, current.httpCode]) {
			if (typeof value === 'string' && CODE.test(value)) return value;
		}
		if (typeof current.message === 'string') messages.push(current.message);
		queue.push(current.cause, ...(Array.isArray(current.errors) ? current.errors : []));
	}
	const text = messages.join(' ');
	const named = /\b(E[A-Z]{3,}[A-Z_]*)\b/.exec(text);
	if (named) return named[1];
	if (/socket hang up|other side closed/i.test(text)) return 'ECONNRESET';
	if (/timeout|timed out|aborted/i.test(text)) return 'ETIMEDOUT';
	return 'UNKNOWN';
}
