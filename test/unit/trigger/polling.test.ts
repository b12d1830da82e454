import type { IDataObject } from 'n8n-workflow';

import { KEYS } from '../../support/emulator';
import { credentialsFor, pollerOnEngine } from '../../support/engine';
import { DEMO, startEmulator } from '../../support/node';

const emulator = startEmulator();

/** Each poll of an active workflow (or the editor's 'manual' fetch) in n8n's PollContext; `staticData` is the node's. */
function poller(
	parameters: IDataObject,
	staticData: IDataObject,
	mode: 'trigger' | 'manual' = 'trigger',
) {
	const { poll } = pollerOnEngine({
		credentials: credentialsFor(emulator.url, KEYS.production),
		parameters: { options: {}, ...parameters },
		nodeStaticData: staticData,
		mode,
	});
	return async () => {
		const result = await poll();
		return result ? result[0].map((item) => item.json) : [];
	};
}

async function addCustomers(from: number, count: number) {
	for (let n = from; n < from + count; n++) {
		await emulator.api('POST', '/api/v2/customers', {
			email: `p${n}@x.example`,
			partner_key: 'ada',
			customer_key: `poll-${n}`,
		});
	}
}

beforeEach(async () => {
	await emulator.reset(DEMO);
});

it('starts from now: the first poll emits nothing, later polls emit each new object once, oldest first', async () => {
	const state: IDataObject = {};
	const poll = poller({ resource: 'customer', watch: 'created' }, state);
	expect(await poll()).toEqual([]);
	await addCustomers(0, 3);
	const first = await poll();
	expect(first.map((c) => c.customer_key)).toEqual(['poll-0', 'poll-1', 'poll-2']);
	expect(first[0].event).toBe('customer.created');
	expect(await poll()).toEqual([]);
	await addCustomers(3, 1);
	expect((await poll()).map((c) => c.customer_key)).toEqual(['poll-3']);
});

it('walks every page, across runs, with no duplicate and no gap', async () => {
	const state: IDataObject = {};
	const poll = poller({ resource: 'customer', watch: 'created' }, state);
	await poll();
	await emulator.seed({
		customers: Array.from({ length: 300 }, (_, n) => ({
			customer_key: `bulk-${n}`,
			email: `b${n}@x.example`,
			partner_key: 'ada',
		})),
	});
	await emulator.clearRequests();
	const firstRun = await poll();
	expect(firstRun).toHaveLength(300);
	expect((await emulator.requests()).filter((r) => r.path === '/api/v2/customers')).toHaveLength(2);
	await addCustomers(1000, 2);
	const secondRun = await poll();
	const all = [...firstRun, ...secondRun].map((c) => c.customer_key);
	expect(secondRun.map((c) => c.customer_key)).toEqual(['poll-1000', 'poll-1001']);
	expect(new Set(all).size).toBe(302);
});

it('emits history from a start date on the first poll', async () => {
	const poll = poller(
		{ resource: 'deal', watch: 'created', options: { startDate: '2000-01-01T00:00:00.000Z' } },
		{},
	);
	expect((await poll()).map((d) => d.key)).toEqual(['deal_Globex']);
});

it('watches updates, labelled as such', async () => {
	const state: IDataObject = {};
	const poll = poller({ resource: 'partnership', watch: 'createdOrUpdated' }, state);
	await poll();
	await emulator.api('PATCH', '/api/v2/partnerships/ada', { manager_email: 'pm@x.example' });
	const changes = await poll();
	expect(changes.map((p) => [p.partner_key, p.event])).toEqual([['ada', 'partnership.updated']]);
});

it('transactions are watched by creation; a manual test fetch shows the latest without moving the cursor', async () => {
	await emulator.api('POST', '/api/v2/transactions', {
		customer_external_key: 'acme',
		amount: 500,
		currency: 'USD',
		key: 'tx-poll',
	});
	const state: IDataObject = {};
	const manual = poller({ resource: 'transaction', watch: 'createdOrUpdated' }, state, 'manual');
	expect((await manual()).map((t) => [t.key, t.event])).toEqual([
		['tx-poll', 'transaction.created'],
	]);
	expect(state.cursor).toBeUndefined();
});
