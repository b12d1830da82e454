/** n8n date parameters arrive as ISO strings (or Luxon DateTimes in expressions); PartnerStack wants epoch ms. */
export function toEpochMs(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') return value;
	const withMillis = value as { toMillis?: () => number };
	if (typeof withMillis.toMillis === 'function') return withMillis.toMillis();
	const text = String(value);
	if (/^\d+$/.test(text)) return Number(text);
	const parsed = Date.parse(text);
	if (Number.isNaN(parsed)) throw new Error(`"${text}" is not a date`);
	return parsed;
}

/** PartnerStack's `close_date` is a calendar date, `YYYY-MM-DD`. */
export function toCalendarDate(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value);
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
	const epoch = toEpochMs(value);
	return epoch === undefined ? undefined : new Date(epoch).toISOString().slice(0, 10);
}
