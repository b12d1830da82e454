import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import type { AmountUnit } from './amounts';
import { toCents } from './amounts';
import { toCalendarDate, toEpochMs } from './dates';
import type { FieldKind } from '../model';
import { BODY_FIELDS } from '../model';

/**
 * Every node parameter that becomes a PartnerStack body field: its API name and how its value is converted, read
 * from the object model (model/). Operations name their parameters; the model decides the wire format, once.
 */
export const API_FIELDS = BODY_FIELDS;

function convert(
	name: string,
	kind: FieldKind,
	value: unknown,
	amountUnit: AmountUnit,
	timeZone?: string,
): unknown {
	switch (kind) {
		case 'cents':
			return toCents(value, amountUnit);
		case 'epochMs':
			return toEpochMs(value, timeZone);
		case 'date':
			return toCalendarDate(value, timeZone);
		case 'list':
			return Array.isArray(value)
				? value
				: String(value)
						.split(',')
						.map((entry) => entry.trim())
						.filter(Boolean);
		case 'jsonObject':
		case 'jsonList':
			return typeof value === 'string'
				? jsonParse(value, { errorMessage: `"${name}" must be valid JSON` })
				: value;
		case 'integer':
			if (!Number.isInteger(Number(value))) throw new Error(`"${name}" must be a whole number`);
			return Number(value);
		default:
			// text, e-mail, enum: sent trimmed
			return typeof value === 'string' ? value.trim() : value;
	}
}

/**
 * Turns node parameters (camelCase) into a PartnerStack body (snake_case), skipping empty values. Operations
 * whose fields include a date pass the workflow's time zone (`this.getTimezone()`): dates without a zone are
 * read in it.
 */
export function toApiBody(
	values: IDataObject,
	amountUnit: AmountUnit = 'cents',
	timeZone?: string,
): IDataObject {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(values)) {
		if (value === undefined || value === null || value === '') continue;
		const field = API_FIELDS[name];
		if (!field) throw new Error(`Unknown field "${name}"`);
		const converted = convert(name, field.kind, value, amountUnit, timeZone);
		if (converted !== undefined) body[field.api] = converted as IDataObject[keyof IDataObject];
	}
	return body;
}
