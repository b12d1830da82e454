import { sleep } from 'n8n-workflow';

/**
 * Keeps a run of requests under a per-minute budget: a sliding window over the last 60 s.
 * One pacer is shared by every worker of one execution; nothing is kept between executions.
 */
export class RequestPacer {
	private readonly sent: number[] = [];

	constructor(
		private readonly requestsPerMinute: number,
		private readonly now: () => number = Date.now,
	) {}

	async acquire(): Promise<void> {
		if (this.requestsPerMinute <= 0) return;
		for (;;) {
			const now = this.now();
			while (this.sent.length && this.sent[0] <= now - 60_000) this.sent.shift();
			if (this.sent.length < this.requestsPerMinute) {
				this.sent.push(now);
				return;
			}
			await sleep(this.sent[0] + 60_000 - now + 1);
		}
	}
}

/** Runs `worker` over `inputs` with at most `concurrency` in flight; results keep the input order. */
export async function mapWithConcurrency<T, R>(
	inputs: readonly T[],
	concurrency: number,
	worker: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, async () => {
		while (next < inputs.length) {
			const index = next++;
			results[index] = await worker(inputs[index], index);
		}
	});
	await Promise.all(lanes);
	return results;
}
