import { sleep } from 'n8n-workflow';

/**
 * Polls `probe` every 300 ms until it answers something other than undefined. On timeout the error names
 * what was awaited and adds `diagnostics()` (the logs of the processes involved).
 */
export async function waitFor<T>(
	probe: () => T | undefined | Promise<T | undefined>,
	what: string,
	{
		timeoutMs = 60_000,
		diagnostics = () => '',
	}: { timeoutMs?: number; diagnostics?: () => string } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value !== undefined) return value;
		await sleep(300);
	}
	throw new Error(`timed out waiting for ${what}\n${diagnostics()}`);
}
