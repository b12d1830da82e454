import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import type { AmountUnit } from './amounts';
import { toCents } from './amounts';
import { toCalendarDate, toEpochMs } from './dates';

type FieldKind = 'text' | 'amount' | 'epochMs' | 'date' | 'list' | 'json' | 'boolean' | 'integer';

/**
 * Every node parameter that becomes a PartnerStack body field: its API name and how its value is converted.
 * Operations name their parameters; this table decides the wire format, once.
 */
export const API_FIELDS: Record<string, { api: string; kind?: FieldKind }> = {
	accountName: { api: 'account_name' },
	amount: { api: 'amount', kind: 'amount' },
	approved: { api: 'approved', kind: 'boolean' },
	categoryKey: { api: 'category_key' },
	closeDate: { api: 'close_date', kind: 'date' },
	contactFirstName: { api: 'contact_first_name' },
	contactLastName: { api: 'contact_last_name' },
	createdAt: { api: 'created_at', kind: 'epochMs' },
	currency: { api: 'currency' },
	customFields: { api: 'fields', kind: 'json' },
	customerKey: { api: 'customer_key' },
	description: { api: 'description' },
	email: { api: 'email' },
	externalKey: { api: 'external_key' },
	firstName: { api: 'first_name' },
	groupKey: { api: 'group_key' },
	key: { api: 'key' },
	lastName: { api: 'last_name' },
	lostReason: { api: 'lost_reason' },
	managerEmail: { api: 'manager_email' },
	managerName: { api: 'manager_name' },
	memberKey: { api: 'member_key' },
	meta: { api: 'meta', kind: 'json' },
	metadata: { api: 'metadata', kind: 'json' },
	moldKey: { api: 'mold_key' },
	name: { api: 'name' },
	partnerKey: { api: 'partner_key' },
	productKey: { api: 'product_key' },
	providerKey: { api: 'provider_key' },
	source: { api: 'source' },
	stage: { api: 'stage' },
	status: { api: 'status' },
	tags: { api: 'tags', kind: 'list' },
	tierKey: { api: 'tier_key' },
	type: { api: 'type' },
	value: { api: 'value', kind: 'integer' },
};

function convert(
	name: string,
	kind: FieldKind,
	value: unknown,
	amountUnit: AmountUnit,
	timeZone?: string,
): unknown {
	switch (kind) {
		case 'amount':
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
		case 'json':
			return typeof value === 'string'
				? jsonParse(value, { errorMessage: `"${name}" must be valid JSON` })
				: value;
		case 'integer':
			if (!Number.isInteger(Number(value))) throw new Error(`"${name}" must be a whole number`);
			return Number(value);
		default:
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
		const converted = convert(name, field.kind ?? 'text', value, amountUnit, timeZone);
		if (converted !== undefined) body[field.api] = converted as IDataObject[keyof IDataObject];
	}
	return body;
}
