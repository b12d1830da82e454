/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, not node code */
// Every date parameter means the same instant (or calendar day) whatever the zone of the server process: a
// date without a zone is read in the workflow's time zone. test/unit/helpers/dates.zones.test.ts runs this file again in
// processes whose zone is east (Asia/Tokyo) and west (America/Los_Angeles) of UTC.
import type { IDataObject } from 'n8n-workflow';

import { toCalendarDate, toEpochMs } from '../../../nodes/PartnerStack/helpers/dates';
import { KEYS } from '../../support/emulator';
import { credentialsFor, pollerOnEngine } from '../../support/engine';
import { DEMO, locator, runNode, startEmulator } from '../../support/node';

const TOKYO = 'Asia/Tokyo';
const LOS_ANGELES = 'America/Los_Angeles';
const utc = (...fields: [number, number, number, number?, number?, number?, number?]) =>
	Date.UTC(...fields);

const serverZone = process.env.PS_EXPECTED_SERVER_TZ;
if (serverZone) {
	it(`runs with the server process in ${serverZone}`, () => {
		expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(serverZone);
		// The process-local reading the old code used differs from UTC here, so a regression would show.
		expect(new Date(2026, 11, 4).getTimezoneOffset()).not.toBe(0);
	});
}

describe('toEpochMs', () => {
	it('reads a date without a zone in the workflow time zone, not the server one', () => {
		expect(toEpochMs('2026-12-04T00:00:00', TOKYO)).toBe(utc(2026, 11, 3, 15));
		expect(toEpochMs('2026-12-04T00:00:00', LOS_ANGELES)).toBe(utc(2026, 11, 4, 8));
		expect(toEpochMs('2026-12-04 09:30:15.250', TOKYO)).toBe(utc(2026, 11, 4, 0, 30, 15, 250));
		expect(toEpochMs('2026-12-04', LOS_ANGELES)).toBe(utc(2026, 11, 4, 8));
		expect(toEpochMs('2026-07-01T12:00', LOS_ANGELES)).toBe(utc(2026, 6, 1, 19));
		expect(toEpochMs('2026-12-04T00:00:00', 'UTC')).toBe(utc(2026, 11, 4));
	});

	it('keeps the zone or offset a value names', () => {
		for (const zone of [TOKYO, LOS_ANGELES]) {
			expect(toEpochMs('2026-12-04T00:00:00Z', zone)).toBe(utc(2026, 11, 4));
			expect(toEpochMs('2026-12-04T00:00:00.000Z', zone)).toBe(utc(2026, 11, 4));
			expect(toEpochMs('2026-12-04T00:00:00+09:00', zone)).toBe(utc(2026, 11, 3, 15));
			expect(toEpochMs('2026-12-04T00:00:00-0530', zone)).toBe(utc(2026, 11, 4, 5, 30));
			expect(toEpochMs('Fri, 04 Dec 2026 00:00:00 GMT', zone)).toBe(utc(2026, 11, 4));
		}
	});

	it('reads other formats without a zone in the workflow time zone too', () => {
		expect(toEpochMs('Dec 4, 2026 00:00:00', TOKYO)).toBe(utc(2026, 11, 3, 15));
		expect(toEpochMs('December 4, 2026', LOS_ANGELES)).toBe(utc(2026, 11, 4, 8));
	});

	it('passes instants through: epoch ms (number or digits), a JS Date, a Luxon-like DateTime', () => {
		expect(toEpochMs(1_796_342_400_000, TOKYO)).toBe(1_796_342_400_000);
		expect(toEpochMs('1796342400000', TOKYO)).toBe(1_796_342_400_000);
		expect(toEpochMs(new Date(utc(2026, 11, 4)), TOKYO)).toBe(utc(2026, 11, 4));
		expect(toEpochMs({ toMillis: () => 42 }, TOKYO)).toBe(42);
		expect(toEpochMs('', TOKYO)).toBeUndefined();
		expect(toEpochMs(undefined, TOKYO)).toBeUndefined();
	});

	it('follows daylight saving time: a skipped hour moves forward, a repeated hour is the first one', () => {
		expect(toEpochMs('2026-03-08T01:59:00', LOS_ANGELES)).toBe(utc(2026, 2, 8, 9, 59));
		expect(toEpochMs('2026-03-08T02:30:00', LOS_ANGELES)).toBe(utc(2026, 2, 8, 10, 30));
		expect(toEpochMs('2026-03-08T03:00:00', LOS_ANGELES)).toBe(utc(2026, 2, 8, 10));
		expect(toEpochMs('2026-11-01T01:30:00', LOS_ANGELES)).toBe(utc(2026, 10, 1, 8, 30));
		expect(toEpochMs('2026-11-01T02:00:00', LOS_ANGELES)).toBe(utc(2026, 10, 1, 10));
	});

	it('refuses what is not a date, and a time zone that does not exist', () => {
		expect(() => toEpochMs('2026-02-30', TOKYO)).toThrow('"2026-02-30" is not a date');
		expect(() => toEpochMs('2026-12-04T25:00:00', TOKYO)).toThrow(/is not a date/);
		expect(() => toEpochMs('soon', TOKYO)).toThrow('"soon" is not a date');
		expect(() => toEpochMs('2026-12-04T00:00:00', 'Mars/Olympus')).toThrow(
			/"Mars\/Olympus" is not a known time zone/,
		);
		expect(() => toEpochMs('2026-12-04T00:00:00', undefined)).toThrow(
			/without the workflow time zone/,
		);
	});
});

describe('toCalendarDate (a deal close date)', () => {
	it('is the calendar date typed, whatever the time, offset or zone after it', () => {
		for (const zone of [TOKYO, LOS_ANGELES]) {
			expect(toCalendarDate('2026-12-04T00:00:00', zone)).toBe('2026-12-04');
			expect(toCalendarDate('2026-12-04T23:59:59', zone)).toBe('2026-12-04');
			expect(toCalendarDate('2026-12-04', zone)).toBe('2026-12-04');
			expect(toCalendarDate('2026-12-04T00:00:00.000+09:00', zone)).toBe('2026-12-04');
			expect(toCalendarDate('2026-12-04T23:30:00-08:00', zone)).toBe('2026-12-04');
			expect(toCalendarDate({ toMillis: () => 0, toISODate: () => '2026-12-04' }, zone)).toBe(
				'2026-12-04',
			);
		}
	});

	it('gives an instant its date in the workflow time zone', () => {
		const tokyoMidnight = utc(2026, 11, 3, 15);
		expect(toCalendarDate(tokyoMidnight, TOKYO)).toBe('2026-12-04');
		expect(toCalendarDate(tokyoMidnight, LOS_ANGELES)).toBe('2026-12-03');
		expect(toCalendarDate(String(tokyoMidnight), TOKYO)).toBe('2026-12-04');
		expect(toCalendarDate(new Date(tokyoMidnight), TOKYO)).toBe('2026-12-04');
		expect(toCalendarDate('Dec 4, 2026', LOS_ANGELES)).toBe('2026-12-04');
	});

	it('refuses an impossible date', () => {
		expect(() => toCalendarDate('2026-11-31', TOKYO)).toThrow('"2026-11-31" is not a date');
	});
});

describe('what reaches PartnerStack', () => {
	const emulator = startEmulator();
	beforeEach(async () => {
		await emulator.reset(DEMO);
		await emulator.clearRequests();
	});
	const sent = async (method: string, path: string) =>
		(await emulator.requests()).filter(
			(request) => request.method === method && request.path === path,
		);

	it('deal create: close_date is the day typed, in a workflow east of UTC', async () => {
		const [created] = await runNode(
			emulator,
			{
				resource: 'deal',
				operation: 'create',
				source: 'partner',
				partnerKey: 'ada',
				groupKey: '',
				amountUnit: 'cents',
				additionalFields: { closeDate: '2026-12-04T00:00:00' },
			},
			{ timezone: TOKYO },
		);
		expect(created.json.close_date).toBe('2026-12-04');
		expect((await sent('POST', '/api/v2/deals'))[0].body).toMatchObject({
			close_date: '2026-12-04',
		});
	});

	it('deal update: close_date is the day typed, in a workflow west of UTC', async () => {
		const [updated] = await runNode(
			emulator,
			{
				resource: 'deal',
				operation: 'update',
				key: locator('deal_Globex'),
				groupKey: '',
				amountUnit: 'cents',
				updateFields: { closeDate: '2027-01-01T00:00:00' },
			},
			{ timezone: LOS_ANGELES },
		);
		expect(updated.json.close_date).toBe('2027-01-01');
	});

	it('deal upsert: close_date is the day typed, in a workflow east of UTC', async () => {
		const [upserted] = await runNode(
			emulator,
			{
				resource: 'deal',
				operation: 'upsert',
				externalKey: 'crm-tokyo',
				source: 'partner',
				partnerKey: 'ada',
				groupKey: '',
				amountUnit: 'cents',
				additionalFields: { closeDate: '2026-12-04T00:00:00' },
			},
			{ timezone: TOKYO },
		);
		expect(upserted.json.close_date).toBe('2026-12-04');
	});

	it('transaction create: a backdated created_at is that moment in the workflow time zone', async () => {
		const [transaction] = await runNode(
			emulator,
			{
				resource: 'transaction',
				operation: 'create',
				customerKeyType: 'customer_external_key',
				customerKey: 'acme',
				amount: 100,
				amountUnit: 'cents',
				currency: 'USD',
				additionalFields: { createdAt: '2026-12-04T00:00:00' },
			},
			{ timezone: TOKYO },
		);
		expect(transaction.json.created_at).toBe(utc(2026, 11, 3, 15));
		expect((await sent('POST', '/api/v2/transactions'))[0].body).toMatchObject({
			created_at: utc(2026, 11, 3, 15),
		});
	});

	it('Get Many: min/max created and updated are epoch ms of the moments in the workflow time zone', async () => {
		const filters = {
			minCreated: '2026-12-04T00:00:00',
			maxCreated: '2026-12-05',
			minUpdated: '2026-12-04T00:00:00Z',
			maxUpdated: '2026-12-06T12:00:00',
		};
		await runNode(
			emulator,
			{ resource: 'customer', operation: 'getAll', returnAll: true, filters },
			{ timezone: LOS_ANGELES },
		);
		await runNode(
			emulator,
			{ resource: 'customer', operation: 'getAll', returnAll: true, filters },
			{ timezone: TOKYO },
		);
		const [west, east] = await sent('GET', '/api/v2/customers');
		expect(west.query).toMatchObject({
			min_created: String(utc(2026, 11, 4, 8)),
			max_created: String(utc(2026, 11, 5, 8)),
			min_updated: String(utc(2026, 11, 4)),
			max_updated: String(utc(2026, 11, 6, 20)),
		});
		expect(east.query).toMatchObject({
			min_created: String(utc(2026, 11, 3, 15)),
			max_created: String(utc(2026, 11, 4, 15)),
			min_updated: String(utc(2026, 11, 4)),
			max_updated: String(utc(2026, 11, 6, 3)),
		});
	});

	it('polling trigger: the start date is read in the workflow time zone', async () => {
		const poll = async (timezone: string) => {
			const staticData: IDataObject = {};
			const poller = pollerOnEngine({
				credentials: credentialsFor(emulator.url, KEYS.production),
				parameters: {
					resource: 'deal',
					watch: 'created',
					options: { startDate: '2026-12-04T00:00:00' },
				},
				nodeStaticData: staticData,
				timezone,
			});
			await poller.poll();
			return staticData;
		};
		expect((await poll(TOKYO)).cursor).toBeGreaterThanOrEqual(utc(2026, 11, 3, 15));
		const [tokyo] = await sent('GET', '/api/v2/deals');
		// The first poll reads from the start date, less the overlap every poll re-reads (2 minutes).
		expect(Number(tokyo.query.min_created)).toBe(utc(2026, 11, 3, 15) - 120_000);
		await emulator.clearRequests();
		await poll(LOS_ANGELES);
		const [losAngeles] = await sent('GET', '/api/v2/deals');
		expect(Number(losAngeles.query.min_created)).toBe(utc(2026, 11, 4, 8) - 120_000);
	});
});
