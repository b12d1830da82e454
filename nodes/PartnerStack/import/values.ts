import type { FieldSchema, ValueKind } from './schemas';

/** A rule a value broke. A good value is answered as itself: a million rows allocate nothing for it. */
export class Broken {
	constructor(readonly reason: string) {}
}

/** A checked value: the normalised value the writers send, or the rule it broke. */
export type Checked = string | number | boolean | string[] | Broken;

const ok = (value: string | number | boolean | string[]): Checked => value;
const broke = (reason: string): Checked => new Broken(reason);

const EMAIL = /^[^\s@]+@([^\s@.]+\.)+[^\s@.]+$/;
const DOLLARS = /^(-?)([0-9]+)(?:\.([0-9]{1,2}))?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digits at [from, to) as a number, or -1. Hot: a million-row file checks a date per row. */
function digits(text: string, from: number, to: number): number {
	let value = 0;
	for (let index = from; index < to; index++) {
		const code = text.charCodeAt(index) - 48;
		if (code < 0 || code > 9) return -1;
		value = value * 10 + code;
	}
	return value;
}

/** `-?[0-9]+` without a regular expression: every transaction row has an amount. */
function isWholeNumber(text: string): boolean {
	let index = text.charCodeAt(0) === 45 ? 1 : 0;
	if (index === text.length) return false;
	for (; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 48 || code > 57) return false;
	}
	return true;
}

/** Three ASCII letters; answered upper-cased (most files already are: then no new string). */
function currencyCode(text: string): string | undefined {
	if (text.length !== 3) return undefined;
	let lower = false;
	for (let index = 0; index < 3; index++) {
		const code = text.charCodeAt(index);
		if (code >= 97 && code <= 122) lower = true;
		else if (code < 65 || code > 90) return undefined;
	}
	return lower ? text.toUpperCase() : text;
}

function isCalendarDate(text: string): boolean {
	if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
	const year = digits(text, 0, 4);
	const month = digits(text, 5, 7);
	const day = digits(text, 8, 10);
	if (year < 0) return false;
	if (month < 1 || month > 12 || day < 1) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

function withinBounds(field: FieldSchema, cents: number, text: string): Checked {
	if (cents < 0 && !field.signed) return broke(`${field.name} must not be negative ("${text}")`);
	if (field.maxAbs !== undefined && Math.abs(cents) > field.maxAbs)
		return broke(`${field.name} is out of range ("${text}")`);
	return ok(cents);
}

/** One checker per kind of value (docs/import-rules.md#values). Each gets the trimmed, non-empty text. */
const CHECKERS: Record<ValueKind, (text: string, field: FieldSchema) => Checked> = {
	string: (text) => ok(text),
	email: (text, field) =>
		EMAIL.test(text) ? ok(text) : broke(`${field.name} is not a valid email ("${text}")`),
	date: (text, field) =>
		isCalendarDate(text)
			? ok(text)
			: broke(`${field.name} must be a date as YYYY-MM-DD ("${text}")`),
	epochMsOrDate: (text, field) =>
		/^[0-9]+$/.test(text) || isCalendarDate(text)
			? ok(text)
			: broke(
					`${field.name} must be milliseconds since the epoch or a date as YYYY-MM-DD ("${text}")`,
				),
	cents: (text, field) => {
		if (!isWholeNumber(text) || (text.charCodeAt(0) === 45 && !field.signed)) {
			return broke(
				`${field.name} must be a whole number of cents${field.signed ? '' : ' (not negative)'} ("${text}")`,
			);
		}
		return withinBounds(field, Number(text), text);
	},
	dollars: (text, field) => {
		const match = DOLLARS.exec(text);
		if (!match || (match[1] === '-' && !field.signed)) {
			return broke(`${field.name} must be dollars with at most 2 decimals, like 10.50 ("${text}")`);
		}
		const [, sign, whole, fraction = ''] = match;
		// Exact: whole and fractional digits are combined as integers, never through a binary float.
		const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
		return withinBounds(field, sign === '-' ? -cents : cents, text);
	},
	currency: (text, field) => {
		const code = currencyCode(text);
		return code === undefined
			? broke(`${field.name} must be a three-letter currency code ("${text}")`)
			: ok(code);
	},
	boolean: (text, field) => {
		const lower = text.toLowerCase();
		if (lower === 'true' || lower === '1') return ok(true);
		if (lower === 'false' || lower === '0') return ok(false);
		return broke(`${field.name} must be true or false ("${text}")`);
	},
	tags: (text) =>
		ok(
			text
				.split(',')
				.map((tag) => tag.trim())
				.filter(Boolean),
		),
	enum: (text, field) =>
		field.enum!.includes(text)
			? ok(text)
			: broke(`${field.name} must be one of ${field.enum!.join(', ')} ("${text}")`),
};

/** Checks one cell. `text` is already trimmed and non-empty. Lengths count characters, not bytes. */
export function checkValue(field: FieldSchema, text: string): Checked {
	// UTF-16 length is at least the character count: only a long string needs counting.
	if (
		field.maxLength !== undefined &&
		text.length > field.maxLength &&
		[...text].length > field.maxLength
	) {
		return broke(`${field.name} is longer than ${field.maxLength} characters`);
	}
	return CHECKERS[field.kind](text, field);
}
