import { sleep } from 'n8n-workflow';

/**
 * Keeps a run of requests under a budget per window (PartnerStack: requests per minute), as a sliding window.
 * One pacer is shared by every worker of one execution; nothing is kept between executions.
 */
export class RequestPacer {
	private readonly sent: number[] = [];

	constructor(
		private readonly budget: number,
		private readonly windowMs = 60_000,
	) {}

	async acquire(): Promise<void> {
		if (this.budget <= 0) return;
		for (;;) {
			const now = Date.now();
			while (this.sent.length && this.sent[0] <= now - this.windowMs) this.sent.shift();
			if (this.sent.length < this.budget) {
				this.sent.push(now);
				return;
			}
			await sleep(this.sent[0] + this.windowMs - now + 1);
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
