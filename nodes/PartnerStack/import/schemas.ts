/**
 * The PartnerStack Data Importer's field tables (../shared/importer-rules.md), one declarative schema per
 * object type. The validator, the template CSV and the README's field tables are generated from these;
 * no other code spells a column name.
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
	/** What the row-by-row writer does with the value (API field name), when it is sent. */
	api?: string;
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

export type ImportObjectType = 'partners' | 'customers' | 'transactions' | 'rewards' | 'deals' | 'leads';

const API_STRING = 255;

export const SCHEMAS: Record<ImportObjectType, ObjectSchema> = {
	partners: {
		objectType: 'partners',
		label: 'Partners',
		identity: ['partner_key', 'partner_email'],
		bulkType: 'partners',
		fields: [
			{ name: 'partner_first', kind: 'string', required: true, maxLength: 50, example: 'Bryn', description: "Partner's first name", api: 'first_name' },
			{ name: 'partner_last', kind: 'string', required: true, maxLength: 50, example: 'Jones', description: "Partner's last name", api: 'last_name' },
			{ name: 'partner_email', kind: 'email', required: true, maxLength: API_STRING, example: 'bryn@example.com', description: "Partner's email", api: 'email' },
			{ name: 'partner_group', kind: 'string', maxLength: API_STRING, example: 'Affiliates', description: 'Group name or key' },
			{ name: 'partner_tier', kind: 'string', maxLength: API_STRING, example: 'tier_xyz', description: 'Tier key' },
			{ name: 'partner_joined_date', kind: 'date', example: '2020-12-25', description: 'When the partner joined (YYYY-MM-DD)' },
			{ name: 'partner_key', kind: 'string', maxLength: API_STRING, example: 'PartnerBryn', description: 'Unique partner key; generated when empty', api: 'partner_key' },
			{ name: 'partner_phone_number', kind: 'string', maxLength: API_STRING, example: '1112223333', description: 'Phone number' },
			{ name: 'shipping_address_city', kind: 'string', maxLength: API_STRING, example: 'Toronto', description: 'Shipping address: city' },
			{ name: 'shipping_address_country', kind: 'string', maxLength: API_STRING, example: 'Canada', description: 'Shipping address: country' },
			{ name: 'shipping_address_line1', kind: 'string', maxLength: API_STRING, example: '123 Spadina ave', description: 'Shipping address: line 1' },
			{ name: 'shipping_address_line2', kind: 'string', maxLength: API_STRING, example: 'Unit 12', description: 'Shipping address: line 2' },
			{ name: 'shipping_address_postal', kind: 'string', maxLength: API_STRING, example: 'L5C3S9', description: 'Shipping address: postal code' },
			{ name: 'shipping_address_state', kind: 'string', maxLength: API_STRING, example: 'New York', description: 'Shipping address: state' },
			{ name: 'tags', kind: 'tags', example: 'tag1, tag2, tag3', description: 'Comma-separated tags', api: 'tags' },
		],
	},
	customers: {
		objectType: 'customers',
		label: 'Customers',
		identity: ['customer_key'],
		bulkType: 'customers',
		fields: [
			{ name: 'customer_key', kind: 'string', required: true, maxLength: API_STRING, example: 'cus_123xyz', description: 'Your unique key for the customer', api: 'customer_key' },
			{ name: 'email', kind: 'email', required: true, maxLength: API_STRING, example: 'marlie@example.com', description: "Customer's email", api: 'email' },
			{ name: 'partner_key', kind: 'string', required: true, maxLength: API_STRING, example: 'PartnerBryn', description: 'The referring partner', api: 'partner_key', reference: 'partner' },
			{ name: 'name', kind: 'string', maxLength: 100, example: 'Marlie the Dog', description: 'Person or company name', api: 'name' },
			{ name: 'created_at', kind: 'date', example: '2020-12-25', description: 'When the customer signed up (YYYY-MM-DD)' },
			{ name: 'company_name', kind: 'string', maxLength: API_STRING, example: 'Marlie Co', description: 'Company name' },
			{ name: 'provider_key', kind: 'string', maxLength: API_STRING, example: 'cus_123xyz', description: 'The customer ID in your billing system', api: 'provider_key' },
			{ name: 'state', kind: 'string', maxLength: API_STRING, example: 'New York', description: 'State' },
			{ name: 'city', kind: 'string', maxLength: API_STRING, example: 'Toronto', description: 'City' },
			{ name: 'unit', kind: 'string', maxLength: API_STRING, example: 'Unit 12', description: 'Unit' },
			{ name: 'region', kind: 'string', maxLength: API_STRING, example: 'Americas', description: 'Region' },
			{ name: 'primary', kind: 'boolean', example: 'TRUE', description: 'Primary contact (true/false)' },
			{ name: 'postal', kind: 'string', maxLength: API_STRING, example: 'L5C3S9', description: 'Postal code' },
		],
	},
	transactions: {
		objectType: 'transactions',
		label: 'Transactions',
		identity: ['key'],
		bulkType: 'transactions',
		fields: [
			{ name: 'customer_key', kind: 'string', required: true, maxLength: API_STRING, example: 'customer_123', description: 'The customer key the sale belongs to (the customer must exist)', reference: 'customer' },
			{ name: 'amount_in_cents', kind: 'cents', oneOf: 'amount', signed: true, maxAbs: 50_000_000_000, example: '40000', description: 'Amount in cents; negative for a refund', api: 'amount' },
			{ name: 'amount_in_dollars', kind: 'dollars', oneOf: 'amount', signed: true, maxAbs: 50_000_000_000, example: '400.00', description: 'Amount in dollars (at most 2 decimals)', api: 'amount' },
			{ name: 'created_at', kind: 'date', example: '2020-12-25', description: 'When the sale happened (YYYY-MM-DD)', api: 'created_at' },
			{ name: 'currency', kind: 'currency', default: 'USD', example: 'USD', description: 'Three-letter currency code (default USD)', api: 'currency' },
			{ name: 'key', kind: 'string', maxLength: API_STRING, example: 'transaction_123', description: 'Your unique key for the sale: a re-run never records it twice', api: 'key' },
			{ name: 'product_key', kind: 'string', maxLength: API_STRING, example: 'product_123', description: 'Product for reward rules', api: 'product_key' },
		],
	},
	rewards: {
		objectType: 'rewards',
		label: 'Rewards',
		identity: [],
		bulkType: 'rewards',
		conditionals: [{ when: 'target_type', then: 'target_key', both: true }],
		fields: [
			{ name: 'partner_email', kind: 'email', oneOf: 'partner', maxLength: API_STRING, example: 'bryn@example.com', description: 'The partner to reward, by email', reference: 'partnerByEmail' },
			{ name: 'partner_key', kind: 'string', oneOf: 'partner', maxLength: API_STRING, example: 'matttest401', description: 'The partner to reward, by partner key', reference: 'partner' },
			{ name: 'target_type', kind: 'enum', enum: ['customer', 'transaction'], example: 'customer', description: 'What the reward is for: customer or transaction (or empty)' },
			{ name: 'target_key', kind: 'string', maxLength: API_STRING, example: 'cus_abc123zyx', description: 'The customer key or transaction key (required with target_type)' },
			{ name: 'amount_in_cents', kind: 'cents', oneOf: 'amount', example: '1000', description: 'Reward amount in cents', api: 'amount' },
			{ name: 'amount_in_dollars', kind: 'dollars', oneOf: 'amount', example: '10.00', description: 'Reward amount in dollars', api: 'amount' },
			{ name: 'body', kind: 'string', required: true, maxLength: API_STRING, example: 'Bonus reward for going above and beyond this month', description: 'Description shown to the partner', api: 'description' },
			{ name: 'created_at', kind: 'epochMsOrDate', example: '2021-11-05', description: 'Milliseconds since the epoch or YYYY-MM-DD', api: 'created_at' },
			{ name: 'currency', kind: 'currency', example: 'CAD', description: 'Currency (converted to USD by PartnerStack)', api: 'currency' },
			{ name: 'status', kind: 'enum', enum: ['pending', 'declined', 'hold', 'approved', 'paid'], default: 'pending', example: 'pending', description: 'pending (default), declined, hold, approved or paid', api: 'status' },
			{ name: 'decline_reason', kind: 'string', maxLength: API_STRING, example: 'Duplicate marked by accident', description: 'Shown to the partner when declined' },
			{ name: 'is_external', kind: 'boolean', example: 'true', description: 'Generated outside PartnerStack (true/false)' },
		],
	},
	deals: {
		objectType: 'deals',
		label: 'Deals',
		identity: ['external_key'],
		needsGroup: true,
		bulkType: 'deals',
		fields: [
			{ name: 'amount_in_cents', kind: 'cents', oneOf: 'amount', maxAbs: 2_147_483_647, example: '10000', description: 'Deal amount in cents', api: 'amount' },
			{ name: 'amount_in_dollars', kind: 'dollars', oneOf: 'amount', maxAbs: 2_147_483_647, example: '100.00', description: 'Deal amount in dollars', api: 'amount' },
			{ name: 'close_date', kind: 'date', required: true, example: '2020-12-25', description: 'Expected close date (YYYY-MM-DD)', api: 'close_date' },
			{ name: 'external_key', kind: 'string', required: true, maxLength: API_STRING, example: 'deal_12345', description: 'Your unique key for the deal', api: 'external_key' },
			{ name: 'stage', kind: 'string', required: true, maxLength: API_STRING, example: 'Working', description: "A stage of the group's deal pipeline", api: 'stage' },
			{ name: 'partner_key', kind: 'string', maxLength: API_STRING, example: 'matttest401', description: 'The partner the deal belongs to', api: 'partner_key', reference: 'partner' },
			{ name: 'account_name', kind: 'string', maxLength: API_STRING, example: 'Kirby Company', description: "The prospect's business", api: 'account_name' },
			{ name: 'contact_first_name', kind: 'string', maxLength: 50, example: 'Joe', description: "Contact's first name", api: 'contact_first_name' },
			{ name: 'contact_last_name', kind: 'string', maxLength: 50, example: 'Kirby', description: "Contact's last name", api: 'contact_last_name' },
			{ name: 'created_at', kind: 'date', example: '2020-12-01', description: 'When the deal was created (YYYY-MM-DD)' },
		],
	},
	leads: {
		objectType: 'leads',
		label: 'Leads',
		identity: ['email'],
		needsGroup: true,
		extraColumnsAreCustomFields: true,
		fields: [
			{ name: 'partner_key', kind: 'string', required: true, maxLength: API_STRING, example: 'matttest401', description: 'The partner the lead belongs to', api: 'partner_key', reference: 'partner' },
			{ name: 'email', kind: 'email', required: true, maxLength: API_STRING, example: 'joe@kirby.example', description: "The lead's email (also its external key)" },
			{ name: 'first_name', kind: 'string', required: true, maxLength: 50, example: 'Joe', description: "The lead's first name" },
			{ name: 'last_name', kind: 'string', required: true, maxLength: 50, example: 'Kirby', description: "The lead's last name" },
			{ name: 'status', kind: 'enum', required: true, enum: ['open', 'closed', 'dead', 'closed won', 'closed lost'], example: 'open', description: 'open, closed, dead, closed won or closed lost (lower case)', api: 'status' },
		],
	},
};

export const OBJECT_TYPES = Object.keys(SCHEMAS) as ImportObjectType[];
