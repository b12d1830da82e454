export { RequestPacer } from './pacer';

/** Runs `worker` over `inputs` with at most `concurrency` in flight; results keep the input order. */
export async function mapWithConcurrency<T, R>(
	inputs: readonly T[],
	concurrency: number,
	worker: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	const lanes = Array.from(
		{ length: Math.max(1, Math.min(concurrency, inputs.length)) },
		async () => {
			while (next < inputs.length) {
				const index = next++;
				results[index] = await worker(inputs[index], index);
			}
		},
	);
	await Promise.all(lanes);
	return results;
}
