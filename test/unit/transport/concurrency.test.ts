/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, not node code */
import { mapWithConcurrency } from '../../../nodes/PartnerStack/transport/concurrency';

describe('concurrency helpers', () => {
	it('keeps at most N tasks in flight and preserves order', async () => {
		let inFlight = 0;
		let peak = 0;
		const results = await mapWithConcurrency([1, 2, 3, 4, 5, 6, 7], 3, async (value) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await new Promise((resolve) => setImmediate(resolve));
			inFlight--;
			return value * 2;
		});
		expect(results).toEqual([2, 4, 6, 8, 10, 12, 14]);
		expect(peak).toBe(3);
	});
});
