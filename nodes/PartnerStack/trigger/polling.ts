import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { toEpochMs } from '../helpers/dates';
import { partnerStackAllItems } from '../transport';

/** Objects written just before the last poll may become visible late: each poll re-reads this much. */
export const POLL_OVERLAP_MS = 2 * 60_000;

export const POLLED_RESOURCES: Record<
	string,
	{ endpoint: string; object: string; updates: boolean }
> = {
	action: { endpoint: '/actions', object: 'action', updates: true },
	customer: { endpoint: '/customers', object: 'customer', updates: true },
	deal: { endpoint: '/deals', object: 'deal', updates: true },
	lead: { endpoint: '/leads', object: 'lead', updates: true },
	partnership: { endpoint: '/partnerships', object: 'partnership', updates: true },
	reward: { endpoint: '/rewards', object: 'reward', updates: false },
	transaction: { endpoint: '/transactions', object: 'transaction', updates: false },
};

interface PollState extends IDataObject {
	cursor?: number;
	/** `key|timestamp` of what was emitted inside the overlap window, so nothing is emitted twice. */
	emitted?: Record<string, number>;
}

function idOf(item: IDataObject, field: string) {
	return `${item.key}|${item[field]}`;
}

/**
 * New (or changed) objects since the last poll, oldest first, each once. The position lives in the
 * workflow's static data; the first poll starts from now unless a start date is given.
 */
export async function pollChanges(this: IPollFunctions): Promise<IDataObject[] | null> {
	const resource = POLLED_RESOURCES[this.getNodeParameter('resource') as string];
	const watch = this.getNodeParameter('watch', 'created') as 'created' | 'createdOrUpdated';
	const field = watch === 'created' || !resource.updates ? 'created_at' : 'updated_at';
	const param = field === 'created_at' ? 'min_created' : 'min_updated';
	const label = (item: IDataObject) => ({
		...item,
		event: `${resource.object}.${field === 'created_at' || item.created_at === item.updated_at ? 'created' : 'updated'}`,
	});

	if (this.getMode() === 'manual') {
		const [latest] = await partnerStackAllItems.call(
			this,
			resource.endpoint,
			{ order_by: `-${field}` },
			1,
		);
		return latest ? [label(latest)] : null;
	}

	const state = this.getWorkflowStaticData('node') as PollState;
	const now = Date.now();
	if (state.cursor === undefined) {
		const startDate = toEpochMs(this.getNodeParameter('options.startDate', ''), this.getTimezone());
		if (startDate === undefined) {
			// No flood of history: what exists now is marked as seen.
			const existing = await partnerStackAllItems.call(this, resource.endpoint, {
				[param]: now - POLL_OVERLAP_MS,
				order_by: field,
			});
			state.cursor = now;
			state.emitted = Object.fromEntries(
				existing.map((item) => [idOf(item, field), Number(item[field])]),
			);
			return null;
		}
		state.cursor = startDate;
		state.emitted = {};
	}

	const items = await partnerStackAllItems.call(this, resource.endpoint, {
		[param]: Math.max(0, state.cursor - POLL_OVERLAP_MS),
		order_by: field,
	});
	const emitted = state.emitted ?? {};
	const fresh = items.filter(
		(item) =>
			Number(item[field]) >= state.cursor! - POLL_OVERLAP_MS &&
			emitted[idOf(item, field)] === undefined,
	);
	const newest = items.reduce((max, item) => Math.max(max, Number(item[field]) || 0), state.cursor);
	for (const item of fresh) emitted[idOf(item, field)] = Number(item[field]);
	for (const [id, at] of Object.entries(emitted))
		if (at < newest - POLL_OVERLAP_MS) delete emitted[id];
	state.cursor = newest;
	state.emitted = emitted;
	return fresh.length ? fresh.map(label) : null;
}
