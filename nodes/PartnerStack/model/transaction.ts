import type { ObjectFields } from './types';
import {
	API_STRING,
	createdAtField,
	groupFilterField,
	keyField,
	testField,
	updatedAtField,
} from './types';

/**
 * A sale to a referred customer (append-only). A create names its customer by exactly one of `customer_key`
 * (PartnerStack's key), `customer_external_key` (your key) or `customer_email`; the answer carries the customer.
 */
export const transaction = {
	key: { ...keyField, param: 'key', maxLength: API_STRING },
	amount: { api: 'amount', param: 'amount', kind: 'cents', simple: true },
	currency: { api: 'currency', param: 'currency', kind: 'text', maxLength: 3, simple: true },
	amountUsd: { api: 'amount_usd', kind: 'cents', simple: true },
	customerKey: {
		api: 'customer_key',
		answeredAt: 'customer.key',
		kind: 'text',
		maxLength: API_STRING,
		simple: true,
		filters: { customerKey: 'customer_key' },
	},
	customerExternalKey: {
		api: 'customer_external_key',
		answeredAt: 'customer.external_key',
		kind: 'text',
		maxLength: API_STRING,
		simple: true,
	},
	customerEmail: {
		api: 'customer_email',
		answeredAt: 'customer.email',
		kind: 'email',
		maxLength: API_STRING,
		simple: true,
	},
	productKey: {
		api: 'product_key',
		param: 'productKey',
		kind: 'text',
		simple: true,
		filters: { productKey: 'product_key' },
	},
	categoryKey: { api: 'category_key', param: 'categoryKey', kind: 'text', simple: true },
	test: testField,
	/** A create may backdate the sale. */
	createdAt: createdAtField({ param: 'createdAt' }),
	updatedAt: updatedAtField(),
	/** The teammate who drove the sale. */
	memberKey: { api: 'member_key', param: 'memberKey', kind: 'text' },
	metadata: { api: 'metadata', param: 'metadata', kind: 'jsonObject' },
	partnerKey: { api: 'partner_key', kind: 'text', filters: { partnerKey: 'partner_key' } },
	group: groupFilterField,
} satisfies ObjectFields;
