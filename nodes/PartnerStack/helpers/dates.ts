/**
 * Dates the user gives the nodes → what PartnerStack wants (epoch ms, or `YYYY-MM-DD` for a deal's close date).
 *
 * A date without a zone (n8n's date picker stores `2026-12-04T00:00:00`) means that wall-clock time in the
 * workflow's time zone (`this.getTimezone()`: the workflow setting, else n8n's GENERIC_TIMEZONE), as n8n's own
 * nodes read it, never in the time zone of the server process. A value that names its zone or offset
 * (`…Z`, `…+09:00`, an expression's DateTime) keeps it. Zone arithmetic uses Intl: no runtime dependency.
 */

interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

/** `2026-12-04`, `2026-12-04T09:30`, `2026-12-04 09:30:15.250`, optionally ending in `Z` or an offset. */
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** Other formats `Date.parse` reads ("Dec 4, 2026 10:00 GMT+0900", RFC 2822, …): does the text name a zone? */
const NAMES_A_ZONE = /\b(?:Z|UTC|GMT)\b|[+-]\d{2}:?\d{2}\b/i;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	const known = formatters.get(timeZone);
	if (known) return known;
	let formatter: Intl.DateTimeFormat | undefined;
	try {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
	} catch {
		formatter = undefined;
	}
	if (!formatter)
		throw new Error(
			`The workflow's time zone "${timeZone}" is not a known time zone: fix it in the workflow settings`,
		);
	formatters.set(timeZone, formatter);
	return formatter;
}

/** The wall clock in `timeZone` at an instant (whole seconds; the milliseconds carry over unchanged). */
function wallClockAt(epochMs: number, timeZone: string): WallClock {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second,
		millisecond: ((epochMs % 1000) + 1000) % 1000,
	};
}

const asUtc = (wall: WallClock) =>
	Date.UTC(
		wall.year,
		wall.month - 1,
		wall.day,
		wall.hour,
		wall.minute,
		wall.second,
		wall.millisecond,
	);

/** How far `timeZone` is ahead of UTC at an instant, in ms. */
function offsetAt(epochMs: number, timeZone: string): number {
	return asUtc(wallClockAt(epochMs, timeZone)) - epochMs;
}

const sameWallClock = (a: WallClock, b: WallClock) =>
	a.year === b.year &&
	a.month === b.month &&
	a.day === b.day &&
	a.hour === b.hour &&
	a.minute === b.minute &&
	a.second === b.second;

/**
 * The instant a wall-clock time in `timeZone` denotes. When clocks go back, the earlier of the two instants;
 * a time skipped when clocks go forward moves forward by the gap (as Luxon, which n8n uses, does).
 */
export function wallClockToEpochMs(wall: WallClock, timeZone: string): number {
	const naive = asUtc(wall);
	const firstGuess = naive - offsetAt(naive, timeZone);
	const secondGuess = naive - offsetAt(firstGuess, timeZone);
	if (secondGuess === firstGuess) return firstGuess;
	return sameWallClock(wallClockAt(secondGuess, timeZone), wall) ? secondGuess : firstGuess;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function calendarDateOf(wall: Pick<WallClock, 'year' | 'month' | 'day'>): string {
	return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The fields of an ISO-like text, checked (no 31 November, no 25 o'clock), and its offset in ms when it names one. */
function parseIsoText(text: string): { wall: WallClock; offsetMs?: number } | undefined {
	const match = ISO_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
	const wall: WallClock = {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(hour),
		minute: Number(minute),
		second: Number(second),
		millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
	};
	const check = new Date(asUtc(wall));
	const valid =
		check.getUTCFullYear() === wall.year &&
		check.getUTCMonth() + 1 === wall.month &&
		check.getUTCDate() === wall.day &&
		check.getUTCHours() === wall.hour &&
		check.getUTCMinutes() === wall.minute &&
		check.getUTCSeconds() === wall.second;
	if (!valid) throw new Error(`"${text}" is not a date`);
	if (zone === undefined) return { wall };
	if (zone.toUpperCase() === 'Z') return { wall, offsetMs: 0 };
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const offsetMs =
		sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0)) * 60_000;
	return { wall, offsetMs };
}

interface DateTimeLike {
	toMillis: () => number;
	toISODate?: () => string | null;
}
const isDateTimeLike = (value: unknown): value is DateTimeLike =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as DateTimeLike).toMillis === 'function';

function requireTimeZone(timeZone: string | undefined): string {
	// Every caller passes `this.getTimezone()`; without it a date would silently move by the server's offset.
	if (!timeZone)
		throw new Error('Internal error: a date parameter was read without the workflow time zone');
	return timeZone;
}

/**
 * A date parameter → epoch ms. Numbers (and digit strings) are epoch ms already; a text without a zone is read
 * in `timeZone` (the workflow's); a text with `Z` or an offset, a Luxon DateTime or a JS Date is one instant.
 */
export function toEpochMs(value: unknown, timeZone: string | undefined): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') return value;
	if (isDateTimeLike(value)) return value.toMillis();
	if (value instanceof Date) return value.getTime();
	const text = String(value).trim();
	if (/^\d+$/.test(text)) return Number(text);
	const iso = parseIsoText(text);
	if (iso) {
		if (iso.offsetMs !== undefined) return asUtc(iso.wall) - iso.offsetMs;
		return wallClockToEpochMs(iso.wall, requireTimeZone(timeZone));
	}
	const parsed = Date.parse(text);
	if (Number.isNaN(parsed)) throw new Error(`"${text}" is not a date`);
	if (NAMES_A_ZONE.test(text)) return parsed;
	// Date.parse read the zone-less text in the server's zone: take the wall clock it saw, read it in the workflow's.
	const local = new Date(parsed);
	return wallClockToEpochMs(
		{
			year: local.getFullYear(),
			month: local.getMonth() + 1,
			day: local.getDate(),
			hour: local.getHours(),
			minute: local.getMinutes(),
			second: local.getSeconds(),
			millisecond: local.getMilliseconds(),
		},
		requireTimeZone(timeZone),
	);
}

/**
 * A date parameter → PartnerStack's `close_date` (`YYYY-MM-DD`): the calendar date the user typed, whatever
 * the time or offset after it. An instant (epoch ms, a JS Date, a text in another format) gives its date in
 * `timeZone`; a Luxon DateTime gives the date in its own zone.
 */
export function toCalendarDate(value: unknown, timeZone: string | undefined): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (isDateTimeLike(value) && typeof value.toISODate === 'function') {
		const date = value.toISODate();
		if (date) return date;
	}
	if (typeof value === 'string') {
		const iso = parseIsoText(value.trim());
		if (iso) return calendarDateOf(iso.wall);
	}
	const epochMs = toEpochMs(value, timeZone);
	return epochMs === undefined
		? undefined
		: calendarDateOf(wallClockAt(epochMs, requireTimeZone(timeZone)));
}
