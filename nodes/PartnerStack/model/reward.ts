import type { ObjectFields } from './types';
import { createdAtField, groupFilterField, keyField, testField, updatedAtField } from './types';

/** A payment owed to a partner, for a customer, a transaction or the partner itself. */
export const reward = {
	key: keyField,
	amount: { api: 'amount', param: 'amount', kind: 'cents', simple: true },
	currency: { api: 'currency', kind: 'text', maxLength: 3, simple: true },
	description: { api: 'description', param: 'description', kind: 'text', simple: true },
	/** hold, pending, approved, declined or paid. */
	status: { api: 'reward_status', kind: 'enum', simple: true },
	/** A reward for the partner itself names the partner; the answer carries it in `partnership`. */
	partnerKey: {
		api: 'partner_key',
		answeredAt: 'partnership.partner_key',
		kind: 'text',
		simple: true,
		filters: { partnerKey: 'partner_key' },
	},
	customerKey: {
		api: 'customer_key',
		answeredAt: 'customer.key',
		kind: 'text',
		simple: true,
		filters: { customerKey: 'customer_key' },
	},
	transactionKey: {
		api: 'transaction_key',
		answeredAt: 'transaction.key',
		kind: 'text',
		simple: true,
	},
	test: testField,
	createdAt: createdAtField(),
	updatedAt: updatedAtField({ simple: false }),
	/** What the reward is for: a customer or a transaction, by its key. */
	targetType: { api: 'type', inside: 'target', param: 'targetType', kind: 'enum' },
	targetKey: { api: 'key', inside: 'target', param: 'targetKey', kind: 'text' },
	/** Where the payout stands (available, in_transit, paid_externally…): a list filter. */
	paymentStatus: {
		api: 'payment_status',
		kind: 'enum',
		filters: { paymentStatus: 'payment_status' },
	},
	group: groupFilterField,
} satisfies ObjectFields;
