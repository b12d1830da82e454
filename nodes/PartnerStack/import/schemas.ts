import { apiPath } from '../model';

/**
 * The PartnerStack Data Importer's field tables (docs/import-rules.md), one declarative schema per
 * object type. The validator, the template CSV and the README's field tables are generated from these;
 * no other code spells a column name. The API v2 field a column fills is named by the object model
 * (`apiPath`), never spelled here: the importer's columns are its own, the API's names are the model's.
 */
export type ValueKind =
	| 'string'
	| 'email'
	| 'date'
	| 'epochMsOrDate'
	| 'cents'
	| 'dollars'
	| 'currency'
	| 'boolean'
	| 'tags'
	| 'enum';

export interface FieldSchema {
	name: string;
	kind: ValueKind;
	required?: boolean;
	/** Names a one-of pair: exactly one of the fields sharing the group must have a value. */
	oneOf?: string;
	enum?: string[];
	default?: string;
	maxLength?: number;
	/** Amounts: may this one be negative (refunds on transactions)? And its integer bound. */
	signed?: boolean;
	maxAbs?: number;
	example: string;
	description: string;
	/**
	 * Row by row (API v2): the body path(s) the value fills (`meta.city`, `target.key`), from the object model.
	 * Every field has either this or `unwritable`; the writers, the report and the README's field tables all read
	 * it from here.
	 */
	v2?: string | string[];
	/** How the value is converted on its way to `v2` (see V2_CONVERSIONS). */
	v2As?: V2Conversion;
	/** Why API v2 cannot carry the value: row by row then stops or skips the column (`options.unwritableColumns`). */
	unwritable?: string;
	/** A key to look up in PartnerStack before writing. */
	reference?: 'partner' | 'partnerByEmail' | 'customer';
}

export interface ConditionalRule {
	/** When `when` has a value, `then` must have one too (and the reverse when `both`). */
	when: string;
	then: string;
	both?: boolean;
}

export interface ObjectSchema {
	objectType: ImportObjectType;
	label: string;
	fields: FieldSchema[];
	conditionals?: ConditionalRule[];
	/** The columns that identify a row within a file, first present wins; emails compare case-insensitively. */
	identity: string[];
	/** Extra columns are the lead form's custom fields, not unknown headers. */
	extraColumnsAreCustomFields?: boolean;
	needsGroup?: boolean;
	/** Bulk upload endpoint type (`/v1/import/<type>`); none for leads. */
	bulkType?: string;
}

/**
 * Conversions between a checked cell and its API v2 value. The reference check resolves names to keys
 * (groups, tiers, partners by email) before any write, so the writers only copy.
 */
export const V2_CONVERSIONS = {
	epochMs: 'a date becomes epoch milliseconds',
	groupKey: 'the group is looked up by name, slug or key',
	tierKey: 'the tier is looked up by name or key',
	partnerKey: 'the partner is looked up by email; its partner_key is sent',
	tagsOnUpdate:
		'on an update, tags the partnership lacks are added through PATCH /partnerships/{key}/tags',
} as const;
export type V2Conversion = keyof typeof V2_CONVERSIONS;

const NO_V2_FIELD = 'API v2 has no field for it';

export type ImportObjectType =
	| 'partners'
	| 'customers'
	| 'transactions'
	| 'rewards'
	| 'deals'
	| 'leads';

const API_STRING = 255;

export const SCHEMAS: Record<ImportObjectType, ObjectSchema> = {
	partners: {
		objectType: 'partners',
		label: 'Partners',
		identity: ['partner_key', 'partner_email'],
		bulkType: 'partners',
		fields: [
			{
				name: 'partner_first',
				kind: 'string',
				required: true,
				maxLength: 50,
				example: 'Bryn',
				description: "Partner's first name",
				v2: apiPath('partnership', 'firstName'),
			},
			{
				name: 'partner_last',
				kind: 'string',
				required: true,
				maxLength: 50,
				example: 'Jones',
				description: "Partner's last name",
				v2: apiPath('partnership', 'lastName'),
			},
			{
				name: 'partner_email',
				kind: 'email',
				required: true,
				maxLength: API_STRING,
				example: 'bryn@example.com',
				description: "Partner's email",
				v2: apiPath('partnership', 'email'),
			},
			{
				name: 'partner_group',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Affiliates',
				description: 'Group name or key',
				v2: apiPath('partnership', 'groupKey'),
				v2As: 'groupKey',
			},
			{
				name: 'partner_tier',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Gold',
				description: 'Tier name or key',
				v2: apiPath('partnership', 'tierKey'),
				v2As: 'tierKey',
			},
			{
				name: 'partner_joined_date',
				kind: 'date',
				example: '2020-12-25',
				description: 'When the partner joined (YYYY-MM-DD)',
				unwritable: 'API v2 sets joined_at when the partner joins',
			},
			{
				name: 'partner_key',
				kind: 'string',
				maxLength: API_STRING,
				example: 'PartnerBryn',
				description: 'Unique partner key; generated when empty',
				v2: apiPath('partnership', 'partnerKey'),
			},
			{
				name: 'partner_phone_number',
				kind: 'string',
				maxLength: API_STRING,
				example: '1112223333',
				description: 'Phone number',
				unwritable: NO_V2_FIELD,
			},
			{
				name: 'shipping_address_city',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Toronto',
				description: 'Shipping address: city',
				unwritable: NO_V2_FIELD,
			},
			{
				name: 'shipping_address_country',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Canada',
				description: 'Shipping address: country',
				unwritable: NO_V2_FIELD,
			},
			{
				name: 'shipping_address_line1',
				kind: 'string',
				maxLength: API_STRING,
				example: '123 Spadina ave',
				description: 'Shipping address: line 1',
				unwritable: NO_V2_FIELD,
			},
			{
				name: 'shipping_address_line2',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Unit 12',
				description: 'Shipping address: line 2',
				unwritable: NO_V2_FIELD,
			},
			{
				name: 'shipping_address_postal',
				kind: 'string',
				maxLength: API_STRING,
				example: 'L5C3S9',
				description: 'Shipping address: postal code',
				unwritable: NO_V2_FIELD,
			},
			{
				name: 'shipping_address_state',
				kind: 'string',
				maxLength: API_STRING,
				example: 'New York',
				description: 'Shipping address: state',
				unwritable: NO_V2_FIELD,
			},
			{
				name: 'tags',
				kind: 'tags',
				example: 'tag1, tag2, tag3',
				description: 'Comma-separated tags',
				v2: apiPath('partnership', 'tags'),
				v2As: 'tagsOnUpdate',
			},
		],
	},
	customers: {
		objectType: 'customers',
		label: 'Customers',
		identity: ['customer_key'],
		bulkType: 'customers',
		fields: [
			{
				name: 'customer_key',
				kind: 'string',
				required: true,
				maxLength: API_STRING,
				example: 'cus_123xyz',
				description: 'Your unique key for the customer',
				v2: apiPath('customer', 'customerKey'),
			},
			{
				name: 'email',
				kind: 'email',
				required: true,
				maxLength: API_STRING,
				example: 'marlie@example.com',
				description: "Customer's email",
				v2: apiPath('customer', 'email'),
			},
			{
				name: 'partner_key',
				kind: 'string',
				required: true,
				maxLength: API_STRING,
				example: 'PartnerBryn',
				description: 'The referring partner',
				v2: apiPath('customer', 'partnerKey'),
				reference: 'partner',
			},
			{
				name: 'name',
				kind: 'string',
				maxLength: 100,
				example: 'Marlie the Dog',
				description: 'Person or company name',
				v2: apiPath('customer', 'name'),
			},
			{
				name: 'created_at',
				kind: 'date',
				example: '2020-12-25',
				description: 'When the customer signed up (YYYY-MM-DD)',
				v2: apiPath('customer', 'signedUpAt'),
			},
			{
				name: 'company_name',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Marlie Co',
				description: 'Company name',
				v2: apiPath('customer', 'companyName'),
			},
			{
				name: 'provider_key',
				kind: 'string',
				maxLength: API_STRING,
				example: 'cus_123xyz',
				description: 'The customer ID in your billing system',
				v2: apiPath('customer', 'providerKey'),
			},
			{
				name: 'state',
				kind: 'string',
				maxLength: API_STRING,
				example: 'New York',
				description: 'State',
				v2: apiPath('customer', 'state'),
			},
			{
				name: 'city',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Toronto',
				description: 'City',
				v2: apiPath('customer', 'city'),
			},
			{
				name: 'unit',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Unit 12',
				description: 'Unit',
				v2: apiPath('customer', 'unit'),
			},
			{
				name: 'region',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Americas',
				description: 'Region',
				v2: apiPath('customer', 'region'),
			},
			{
				name: 'primary',
				kind: 'boolean',
				example: 'TRUE',
				description: 'Primary contact (true/false)',
				v2: apiPath('customer', 'primary'),
			},
			{
				name: 'postal',
				kind: 'string',
				maxLength: API_STRING,
				example: 'L5C3S9',
				description: 'Postal code',
				v2: apiPath('customer', 'postal'),
			},
		],
	},
	transactions: {
		objectType: 'transactions',
		label: 'Transactions',
		identity: ['key'],
		bulkType: 'transactions',
		fields: [
			{
				name: 'customer_key',
				kind: 'string',
				required: true,
				maxLength: API_STRING,
				example: 'customer_123',
				description: 'The customer key the sale belongs to (the customer must exist)',
				reference: 'customer',
				v2: apiPath('transaction', 'customerExternalKey'),
			},
			{
				name: 'amount_in_cents',
				kind: 'cents',
				oneOf: 'amount',
				signed: true,
				maxAbs: 50_000_000_000,
				example: '40000',
				description: 'Amount in cents; negative for a refund',
				v2: apiPath('transaction', 'amount'),
			},
			{
				name: 'amount_in_dollars',
				kind: 'dollars',
				oneOf: 'amount',
				signed: true,
				maxAbs: 50_000_000_000,
				example: '400.00',
				description: 'Amount in dollars (at most 2 decimals)',
				v2: apiPath('transaction', 'amount'),
			},
			{
				name: 'created_at',
				kind: 'date',
				example: '2020-12-25',
				description: 'When the sale happened (YYYY-MM-DD)',
				v2: apiPath('transaction', 'createdAt'),
				v2As: 'epochMs',
			},
			{
				name: 'currency',
				kind: 'currency',
				default: 'USD',
				example: 'USD',
				description: 'Three-letter currency code (default USD)',
				v2: apiPath('transaction', 'currency'),
			},
			{
				name: 'key',
				kind: 'string',
				maxLength: API_STRING,
				example: 'transaction_123',
				description: 'Your unique key for the sale: a re-run never records it twice',
				v2: apiPath('transaction', 'key'),
			},
			{
				name: 'product_key',
				kind: 'string',
				maxLength: API_STRING,
				example: 'product_123',
				description: 'Product for reward rules',
				v2: apiPath('transaction', 'productKey'),
			},
		],
	},
	rewards: {
		objectType: 'rewards',
		label: 'Rewards',
		identity: [],
		bulkType: 'rewards',
		conditionals: [{ when: 'target_type', then: 'target_key', both: true }],
		fields: [
			{
				name: 'partner_email',
				kind: 'email',
				oneOf: 'partner',
				maxLength: API_STRING,
				example: 'bryn@example.com',
				description: 'The partner to reward, by email',
				reference: 'partnerByEmail',
				v2: apiPath('reward', 'partnerKey'),
				v2As: 'partnerKey',
			},
			{
				name: 'partner_key',
				kind: 'string',
				oneOf: 'partner',
				maxLength: API_STRING,
				example: 'matttest401',
				description: 'The partner to reward, by partner key',
				reference: 'partner',
				v2: apiPath('reward', 'partnerKey'),
			},
			{
				name: 'target_type',
				kind: 'enum',
				enum: ['customer', 'transaction'],
				example: 'customer',
				description: 'What the reward is for: customer or transaction (or empty)',
				v2: apiPath('reward', 'targetType'),
			},
			{
				name: 'target_key',
				kind: 'string',
				maxLength: API_STRING,
				example: 'cus_abc123zyx',
				description: 'The customer key or transaction key (required with target_type)',
				v2: apiPath('reward', 'targetKey'),
			},
			{
				name: 'amount_in_cents',
				kind: 'cents',
				oneOf: 'amount',
				example: '1000',
				description: 'Reward amount in cents',
				v2: apiPath('reward', 'amount'),
			},
			{
				name: 'amount_in_dollars',
				kind: 'dollars',
				oneOf: 'amount',
				example: '10.00',
				description: 'Reward amount in dollars',
				v2: apiPath('reward', 'amount'),
			},
			{
				name: 'body',
				kind: 'string',
				required: true,
				maxLength: API_STRING,
				example: 'Bonus reward for going above and beyond this month',
				description: 'Description shown to the partner',
				v2: apiPath('reward', 'description'),
			},
			{
				name: 'created_at',
				kind: 'epochMsOrDate',
				example: '2021-11-05',
				description: 'Milliseconds since the epoch or YYYY-MM-DD',
				v2: apiPath('reward', 'createdAt'),
				v2As: 'epochMs',
			},
			{
				name: 'currency',
				kind: 'currency',
				example: 'CAD',
				description: 'Currency (converted to USD by PartnerStack)',
				v2: apiPath('reward', 'currency'),
			},
			{
				name: 'status',
				kind: 'enum',
				enum: ['pending', 'declined', 'hold', 'approved', 'paid'],
				default: 'pending',
				example: 'pending',
				description: 'pending (default), declined, hold, approved or paid',
				v2: apiPath('reward', 'status'),
			},
			{
				name: 'decline_reason',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Duplicate marked by accident',
				description: 'Shown to the partner when declined',
				unwritable: NO_V2_FIELD,
			},
			{
				name: 'is_external',
				kind: 'boolean',
				example: 'true',
				description: 'Generated outside PartnerStack (true/false)',
				unwritable: NO_V2_FIELD,
			},
		],
	},
	deals: {
		objectType: 'deals',
		label: 'Deals',
		identity: ['external_key'],
		needsGroup: true,
		bulkType: 'deals',
		fields: [
			{
				name: 'amount_in_cents',
				kind: 'cents',
				oneOf: 'amount',
				maxAbs: 2_147_483_647,
				example: '10000',
				description: 'Deal amount in cents',
				v2: apiPath('deal', 'amount'),
			},
			{
				name: 'amount_in_dollars',
				kind: 'dollars',
				oneOf: 'amount',
				maxAbs: 2_147_483_647,
				example: '100.00',
				description: 'Deal amount in dollars',
				v2: apiPath('deal', 'amount'),
			},
			{
				name: 'close_date',
				kind: 'date',
				required: true,
				example: '2020-12-25',
				description: 'Expected close date (YYYY-MM-DD)',
				v2: apiPath('deal', 'closeDate'),
			},
			{
				name: 'external_key',
				kind: 'string',
				required: true,
				maxLength: API_STRING,
				example: 'deal_12345',
				description: 'Your unique key for the deal',
				v2: apiPath('deal', 'externalKey'),
			},
			{
				name: 'stage',
				kind: 'string',
				required: true,
				maxLength: API_STRING,
				example: 'Working',
				description: "A stage of the group's deal pipeline",
				v2: apiPath('deal', 'stage'),
			},
			{
				name: 'partner_key',
				kind: 'string',
				maxLength: API_STRING,
				example: 'matttest401',
				description: 'The partner the deal belongs to',
				v2: apiPath('deal', 'partnerKey'),
				reference: 'partner',
			},
			{
				name: 'account_name',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Kirby Company',
				description: "The prospect's business",
				v2: apiPath('deal', 'accountName'),
			},
			{
				name: 'contact_first_name',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Joe',
				description: "Contact's first name",
				v2: apiPath('deal', 'contactFirstName'),
			},
			{
				name: 'contact_last_name',
				kind: 'string',
				maxLength: API_STRING,
				example: 'Kirby',
				description: "Contact's last name",
				v2: apiPath('deal', 'contactLastName'),
			},
			{
				name: 'created_at',
				kind: 'date',
				example: '2020-12-01',
				description: 'When the deal was created (YYYY-MM-DD)',
				unwritable: 'API v2 has no field for it (a deal is created now)',
			},
		],
	},
	leads: {
		objectType: 'leads',
		label: 'Leads',
		identity: ['email'],
		needsGroup: true,
		extraColumnsAreCustomFields: true,
		fields: [
			{
				name: 'partner_key',
				kind: 'string',
				required: true,
				maxLength: API_STRING,
				example: 'matttest401',
				description: 'The partner the lead belongs to',
				v2: apiPath('lead', 'partnerKey'),
				reference: 'partner',
			},
			{
				name: 'email',
				kind: 'email',
				required: true,
				maxLength: API_STRING,
				example: 'joe@kirby.example',
				description: "The lead's email (also its external key)",
				v2: [apiPath('lead', 'externalKey'), apiPath('lead', 'email')],
			},
			{
				name: 'first_name',
				kind: 'string',
				required: true,
				maxLength: 50,
				example: 'Joe',
				description: "The lead's first name",
				v2: apiPath('lead', 'firstName'),
			},
			{
				name: 'last_name',
				kind: 'string',
				required: true,
				maxLength: 50,
				example: 'Kirby',
				description: "The lead's last name",
				v2: apiPath('lead', 'lastName'),
			},
			{
				name: 'status',
				kind: 'enum',
				required: true,
				enum: ['open', 'closed', 'dead', 'closed won', 'closed lost'],
				example: 'open',
				description: 'open, closed, dead, closed won or closed lost (lower case)',
				v2: apiPath('lead', 'status'),
			},
		],
	},
};

export const OBJECT_TYPES = Object.keys(SCHEMAS) as ImportObjectType[];

/** The API v2 body paths a field fills row by row (none for an unwritable one). */
export function v2PathsOf(field: FieldSchema): string[] {
	if (!field.v2) return [];
	return Array.isArray(field.v2) ? field.v2 : [field.v2];
}

/** The columns of a schema that row by row cannot write. */
export function unwritableFields(schema: ObjectSchema): FieldSchema[] {
	return schema.fields.filter((field) => field.unwritable !== undefined);
}
