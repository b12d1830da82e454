import { sleep } from 'n8n-workflow';

import { backoffDelayMs } from './retry';

/**
 * PartnerStack does not document its rate limit; third-party integrations quote 4 000 requests a minute.
 * The pacer starts here (or lower, at the node's Requests per Minute) and finds a lower limit by itself.
 */
export const ASSUMED_RATE_LIMIT_PER_MINUTE = 4000;

/** How the pacer adapts. Rates are requests per minute. */
export const PACER_POLICY = {
	/**
	 * Requests that may leave back to back after a quiet spell: enough to make up for a timer that fires late on a
	 * busy machine, small enough never to spend a server's own burst allowance.
	 */
	burst: 5,
	/** On a 429, the rate is multiplied by this (once per round trip: 429s to requests already under way do not count again), */
	decrease: 0.8,
	/**
	 * or set to what PartnerStack accepted over the last few seconds if that is less (while a limit refuses the
	 * surplus, that is the share it grants us), but never cut by more than this in one step. A 429 within
	 * `escalateWithinMs` of the previous slow-down cuts by this much at once: the limit is far below.
	 */
	largestDecrease: 0.5,
	escalateWithinMs: 2000,
	/** "The last few seconds" above (pauses excluded; a second at least, else no estimate). */
	recentMs: 5000,
	/** A 429 never lowers the rate under this share of what PartnerStack accepted in the last minute (a proven lower bound). */
	acceptedFloorShare: 0.9,
	/** While answers are clean, the rate changes every this many milliseconds: */
	adjustEveryMs: 1000,
	/** back towards this share of the rate that was last refused, closing half of the gap each time (a quick recovery), */
	recoverTo: 0.9,
	/**
	 * and above it by this factor (a slow probe, in case the limit was raised or the other user of the key stopped):
	 * slow, because each probe that finds the limit costs a 429 or two, and two runs sharing a key probe together;
	 * the step grows by itself for each `probeGrowthMs` without a 429.
	 */
	probe: 1.005,
	probeGrowthMs: 10_000,
	minimumPerMinute: 6,
	/** A request answered 429 is retried for this long in all before it fails (the import node's Rate Limit Wait). */
	rateLimitWaitMs: 120_000,
};

export interface PacerSettings {
	/** The node's Requests per Minute: never exceeded. 0 or less: the assumed limit. */
	ceilingPerMinute?: number;
	/** How long a request answered 429 keeps retrying, in total. */
	rateLimitWaitMs?: number;
}

/**
 * Spreads one node run's requests evenly (a token bucket with a small burst) and adapts its rate to
 * PartnerStack's answers: slower on a 429 (everyone waits out Retry-After, or a growing pause when there is
 * none), faster again while answers are clean. Every request of the run shares it, whichever path sends it;
 * it lives as long as the run's context and keeps nothing between executions (safe in queue mode).
 */
export class RequestPacer {
	private ceilingPerMinute = ASSUMED_RATE_LIMIT_PER_MINUTE;
	private perMinute = ASSUMED_RATE_LIMIT_PER_MINUTE;
	rateLimitWaitMs = PACER_POLICY.rateLimitWaitMs;
	private tokens = PACER_POLICY.burst;
	private refilledAt: number;
	private holdUntil = 0;
	/** Answers to requests sent before this moment were already reacted to. */
	private reactedAt = -Infinity;
	private pauseLevel = 0;
	private refusedPerMinute: number | undefined;
	private firstSentAt: number | undefined;
	private adjustedAt: number;
	private readonly accepted: number[] = [];
	private tail: Promise<unknown> = Promise.resolve();
	/** What the run has seen, for logs and benchmarks. */
	readonly counts = { sent: 0, limited: 0 };

	constructor(
		settings: PacerSettings = {},
		private readonly clock: () => number = Date.now,
	) {
		this.refilledAt = clock();
		this.adjustedAt = this.refilledAt;
		this.configure(settings);
	}

	configure(settings: PacerSettings): void {
		if (settings.ceilingPerMinute !== undefined) {
			const ceiling = Number(settings.ceilingPerMinute);
			this.ceilingPerMinute = ceiling > 0 ? ceiling : ASSUMED_RATE_LIMIT_PER_MINUTE;
			// A run that has already adapted keeps what it learnt, under the new ceiling.
			const start = this.counts.sent ? this.perMinute : ASSUMED_RATE_LIMIT_PER_MINUTE;
			this.perMinute = Math.min(this.ceilingPerMinute, start);
		}
		if (settings.rateLimitWaitMs !== undefined && settings.rateLimitWaitMs > 0)
			this.rateLimitWaitMs = settings.rateLimitWaitMs;
	}

	/** The current rate in requests per minute. */
	get rate(): number {
		return this.perMinute;
	}

	/** Waits for this request's turn (first come, first served); answers the moment it was sent, for `answered`. */
	acquire(): Promise<number> {
		const turn = this.tail.then(() => this.take());
		this.tail = turn.catch(() => undefined);
		return turn;
	}

	/** Reports how PartnerStack answered a request sent at `sentAt`. */
	answered(sentAt: number, answer: { limited: boolean; retryAfterMs?: number }): void {
		const now = this.clock();
		if (!answer.limited) {
			this.accepted.push(now);
			if (sentAt >= this.reactedAt) this.pauseLevel = 0;
			this.speedUp(now);
			return;
		}
		this.counts.limited++;
		if (answer.retryAfterMs !== undefined)
			this.holdUntil = Math.max(this.holdUntil, now + answer.retryAfterMs);
		// Requests already under way when we slowed down say nothing new about the new rate.
		if (sentAt < this.reactedAt) return;
		const granted = this.acceptedRecentlyPerMinute(now);
		this.refusedPerMinute = this.perMinute;
		this.perMinute = Math.min(
			this.ceilingPerMinute,
			Math.max(
				Math.min(
					this.perMinute *
						(now - this.reactedAt < PACER_POLICY.escalateWithinMs
							? PACER_POLICY.largestDecrease
							: PACER_POLICY.decrease),
					granted,
				),
				this.perMinute * PACER_POLICY.largestDecrease,
				this.acceptedLastMinute(now) * PACER_POLICY.acceptedFloorShare,
				PACER_POLICY.minimumPerMinute,
			),
		);
		if (answer.retryAfterMs === undefined) {
			// No hint: pause everyone, longer each time the limit is hit again right after a pause.
			this.pauseLevel++;
			this.holdUntil = Math.max(this.holdUntil, now + backoffDelayMs(this.pauseLevel));
		}
		this.tokens = 0;
		this.reactedAt = now;
		this.adjustedAt = now;
	}

	private async take(): Promise<number> {
		for (;;) {
			const now = this.clock();
			if (now < this.holdUntil) {
				await sleep(this.holdUntil - now);
				this.refilledAt = Math.max(this.refilledAt, this.holdUntil);
				continue;
			}
			const perMs = this.perMinute / 60_000;
			this.tokens = Math.min(PACER_POLICY.burst, this.tokens + (now - this.refilledAt) * perMs);
			this.refilledAt = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				this.counts.sent++;
				this.firstSentAt ??= now;
				return now;
			}
			await sleep(Math.max(1, Math.ceil((1 - this.tokens) / perMs)));
		}
	}

	private speedUp(now: number) {
		if (
			now - this.adjustedAt < PACER_POLICY.adjustEveryMs ||
			this.perMinute >= this.ceilingPerMinute
		)
			return;
		this.adjustedAt = now;
		const recovered = (this.refusedPerMinute ?? 0) * PACER_POLICY.recoverTo;
		const probe =
			1 +
			(PACER_POLICY.probe - 1) * Math.max(1, (now - this.reactedAt) / PACER_POLICY.probeGrowthMs);
		const next = Math.max(
			this.perMinute * probe,
			this.perMinute + (recovered - this.perMinute) / 2,
		);
		this.perMinute = Math.min(this.ceilingPerMinute, next);
	}

	/**
	 * Requests accepted over the last few seconds, per minute; none of the run's pauses may fall in that time
	 * (they would make the share look smaller), and it must be a second at least, else there is no estimate.
	 */
	private acceptedRecentlyPerMinute(now: number): number {
		const span =
			now - Math.max(now - PACER_POLICY.recentMs, this.firstSentAt ?? now, this.holdUntil);
		if (span < 1000) return Infinity;
		let count = 0;
		for (
			let index = this.accepted.length - 1;
			index >= 0 && this.accepted[index] > now - span;
			index--
		)
			count++;
		return (count * 60_000) / span;
	}

	/** Requests PartnerStack accepted in the last 60 s: whatever its limiter, it allows at least this many a minute. */
	private acceptedLastMinute(now: number): number {
		while (this.accepted.length && this.accepted[0] <= now - 60_000) this.accepted.shift();
		return this.accepted.length;
	}
}

const pacers = new WeakMap<object, RequestPacer>();

/**
 * The pacer of one node run, keyed by its execution context (n8n gives each run its own): every request the run
 * sends shares it. `settings` (the node's options) apply from the next request on.
 */
export function pacerFor(context: object, settings?: PacerSettings): RequestPacer {
	let pacer = pacers.get(context);
	if (!pacer) {
		pacer = new RequestPacer(settings);
		pacers.set(context, pacer);
	} else if (settings) pacer.configure(settings);
	return pacer;
}
