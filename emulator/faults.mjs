// Fault injection: a rate limit (a sliding window or a token bucket), a share of 5xx answers, added latency,
// dropped connections (before the request is served, or after it was: the client cannot tell whether a create
// was written), and a queue of scripted faults for deterministic tests. Set at start (flags) or at run time
// (admin API).
import { CHOICES } from './choices.mjs';

export const DEFAULT_FAULTS = Object.freeze({
	rateLimitPerMinute: CHOICES.defaultRateLimitPerMinute,
	// 'window': at most rateLimitPerMinute requests in any 60 s; 'bucket': a token bucket refilled at
	// rateLimitPerMinute, holding at most rateLimitBurst tokens (starts full).
	rateLimiter: CHOICES.defaultRateLimiter,
	rateLimitBurst: 40,
	retryAfter: CHOICES.defaultRetryAfter, // 'always' | 'never' | 'alternate'
	errorRate: 0, // share of requests answered with one of errorStatuses
	errorStatuses: [500, 502, 503],
	dropRate: 0, // share of requests whose connection is destroyed without an answer
	dropAfterWriteRate: 0, // share of requests that are served (a create is written) and then dropped unanswered
	latencyMs: 0,
	// [{ status, retryAfter? } | { drop: true } | { dropAfterWrite: true } | { latencyMs }]: the next requests, in order
	script: [],
});

export class Faults {
	constructor(settings = {}) {
		this.clearLimiter();
		this.random = mulberry32(settings.seed ?? 42);
		this.set({ ...DEFAULT_FAULTS, ...settings });
	}

	set(settings) {
		this.settings = { ...(this.settings ?? DEFAULT_FAULTS), ...settings };
		this.settings.script = [...(settings.script ?? this.settings.script ?? [])];
		// A new limit starts fresh: an empty window, a full bucket, no 429s counted.
		if (['rateLimitPerMinute', 'rateLimiter', 'rateLimitBurst'].some((name) => name in settings))
			this.clearLimiter();
	}

	reset() {
		this.clearLimiter();
		this.settings = { ...DEFAULT_FAULTS, script: [] };
	}

	clearLimiter() {
		this.window = [];
		this.bucket = undefined;
		this.rateLimitedCount = 0;
	}

	/** Decides what happens to one API request: undefined (serve it), or a fault to apply. */
	decide(now = Date.now()) {
		const scripted = this.settings.script.shift();
		if (scripted) return scripted;

		const waitMs = this.rateLimitWaitMs(now);
		if (waitMs !== undefined) {
			this.rateLimitedCount++;
			return { status: 429, retryAfter: this.retryAfterFor(Math.max(1, Math.ceil(waitMs / 1000))) };
		}
		if (this.settings.dropRate > 0 && this.random() < this.settings.dropRate) return { drop: true };
		if (this.settings.dropAfterWriteRate > 0 && this.random() < this.settings.dropAfterWriteRate)
			return { dropAfterWrite: true };
		if (this.settings.errorRate > 0 && this.random() < this.settings.errorRate) {
			const statuses = this.settings.errorStatuses;
			return { status: statuses[Math.floor(this.random() * statuses.length)] };
		}
		return undefined;
	}

	/** Takes one request from the limiter: undefined when it may pass, else how long until it would. */
	rateLimitWaitMs(now) {
		const limit = this.settings.rateLimitPerMinute;
		if (!(limit > 0)) return undefined;
		if (this.settings.rateLimiter === 'bucket') {
			const capacity = Math.max(1, this.settings.rateLimitBurst);
			const perMs = limit / 60_000;
			const bucket = (this.bucket ??= { tokens: capacity, at: now });
			bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
			bucket.at = now;
			if (bucket.tokens < 1) return (1 - bucket.tokens) / perMs;
			bucket.tokens -= 1;
			return undefined;
		}
		while (this.window.length && this.window[0] <= now - 60_000) this.window.shift();
		if (this.window.length >= limit) return this.window[0] + 60_000 - now;
		this.window.push(now);
		return undefined;
	}

	retryAfterFor(seconds) {
		const mode = this.settings.retryAfter;
		if (mode === 'never') return undefined;
		if (mode === 'alternate') return this.rateLimitedCount % 2 === 1 ? seconds : undefined;
		return seconds;
	}
}

/** A small seeded PRNG so that fault sequences repeat from run to run. */
function mulberry32(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const STATUS_MESSAGES = {
	429: 'Too many requests: rate limit exceeded',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};
