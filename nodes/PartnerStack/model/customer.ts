import type { ObjectFields } from './types';
import {
	API_STRING,
	archivedField,
	createdAtField,
	groupFilterField,
	keyField,
	testField,
	updatedAtField,
} from './types';

/** A customer a partner referred. Its own fields beyond these live in `meta`. */
export const customer = {
	key: keyField,
	customerKey: {
		api: 'customer_key',
		param: 'customerKey',
		kind: 'text',
		maxLength: API_STRING,
		simple: true,
		filters: { customerKey: 'customer_key' },
	},
	email: {
		api: 'email',
		param: 'email',
		kind: 'email',
		maxLength: API_STRING,
		simple: true,
		filters: { email: 'email' },
	},
	name: { api: 'name', param: 'name', kind: 'text', maxLength: 100, simple: true },
	partnerKey: {
		api: 'partner_key',
		param: 'partnerKey',
		kind: 'text',
		simple: true,
		filters: { partnerKey: 'partner_key' },
	},
	providerKey: { api: 'provider_key', param: 'providerKey', kind: 'text', simple: true },
	sourceType: { api: 'source_type', kind: 'text', simple: true },
	sourceKey: { api: 'source_key', kind: 'text', simple: true },
	test: testField,
	archived: archivedField,
	createdAt: createdAtField(),
	updatedAt: updatedAtField(),
	memberKey: { api: 'member_key', param: 'memberKey', kind: 'text' },
	meta: { api: 'meta', param: 'meta', kind: 'jsonObject' },
	// What the Data Importer knows of a customer beyond the API's own fields: API v2 keeps it in `meta`.
	signedUpAt: { api: 'created_at', inside: 'meta', kind: 'date' },
	companyName: { api: 'company_name', inside: 'meta', kind: 'text' },
	state: { api: 'state', inside: 'meta', kind: 'text' },
	city: { api: 'city', inside: 'meta', kind: 'text' },
	unit: { api: 'unit', inside: 'meta', kind: 'text' },
	region: { api: 'region', inside: 'meta', kind: 'text' },
	primary: { api: 'primary', inside: 'meta', kind: 'boolean' },
	postal: { api: 'postal', inside: 'meta', kind: 'text' },
	group: groupFilterField,
} satisfies ObjectFields;
