/** Amounts: PartnerStack stores integer cents; users may type dollars. Conversion is done on the decimal text. */
export type AmountUnit = 'cents' | 'dollars';

const CENTS = /^-?\d+$/;
const DOLLARS = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** Converts an amount to integer cents, exactly (no binary floating point), or explains why it cannot. */
export function toCents(value: unknown, unit: AmountUnit): number {
	const text = typeof value === 'number' ? numberToPlainText(value) : String(value ?? '').trim();
	if (unit === 'cents') {
		if (!CENTS.test(text)) throw new Error(`Amount "${text}" must be a whole number of cents`);
		return Number(text);
	}
	const match = DOLLARS.exec(text);
	if (!match)
		throw new Error(`Amount "${text}" must be dollars with at most two decimal places, e.g. 10.50`);
	const [, sign, whole, fraction = ''] = match;
	const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
	return sign === '-' && cents !== 0 ? -cents : cents;
}

/** Shortest round-trip decimal text of a JS number (10.1 → "10.1", 1e21 refused by the patterns). */
function numberToPlainText(value: number): string {
	if (!Number.isFinite(value)) return String(value);
	const text = String(value);
	return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}
