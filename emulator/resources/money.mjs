import { ApiError, listPage } from '../store.mjs';
import { validateBody } from '../validate.mjs';
import { CHOICES } from '../choices.mjs';
import { assertUnique, groupFilter, notFound, requirePartnership } from './shared.mjs';

const CUSTOMER_REFERENCES = ['customer_key', 'customer_external_key', 'customer_email'];
const TRANSACTION_SCHEMA = {
	customer_key: { type: 'string', minLength: 1, maxLength: 255 },
	customer_external_key: { type: 'string', minLength: 1, maxLength: 255 },
	customer_email: { type: 'string', minLength: 1, maxLength: 255 },
	amount: { type: 'integer', required: true, min: -50_000_000_000, max: 50_000_000_000 },
	currency: { type: 'string', required: true, minLength: 3, maxLength: 3 },
	key: { type: 'string', minLength: 4, maxLength: 255 },
	category_key: { type: 'string', nullable: true },
	product_key: { type: 'string', nullable: true },
	member_key: { type: 'string', nullable: true },
	metadata: { type: 'object', nullable: true },
	created_at: { type: 'integer' },
};
const REWARD_STATUSES = ['pending', 'declined', 'hold', 'approved', 'paid'];
const REWARD_SCHEMA = {
	amount: { type: 'integer', required: true, min: 0 },
	description: { type: 'string', nullable: true, maxLength: 255 },
	currency: { type: 'string', minLength: 3, maxLength: 3 },
	target: { type: 'object' },
	partner_key: { type: 'string' },
	// The reward object names its status `reward_status`; `status` is still taken (clients written before the
	// node named the field like the object).
	reward_status: { type: 'string', enum: REWARD_STATUSES },
	status: { type: 'string', enum: REWARD_STATUSES },
	created_at: { type: 'integer' },
};
/** Approximate rates for `amount_usd`; the emulator is not a currency service. */
const USD_RATES = { USD: 1, CAD: 0.73, EUR: 1.08, GBP: 1.27, AUD: 0.66 };

function transactionCustomer(store, body) {
	const given = CUSTOMER_REFERENCES.filter((field) => body[field] !== undefined);
	if (given.length !== 1) {
		throw new ApiError(
			400,
			`Exactly one of ${CUSTOMER_REFERENCES.map((f) => `'${f}'`).join(', ')} is required`,
		);
	}
	const [field] = given;
	const value = body[field];
	const customers = store.all('customers').filter((c) => !c.archived);
	let customer;
	if (field === 'customer_key') {
		customer =
			customers.find((c) => c.key === value) ??
			(CHOICES.transactionCustomerKeyAlsoMatchesExternal
				? customers.find((c) => c.customer_key === value)
				: undefined);
	} else if (field === 'customer_external_key') {
		customer = customers.find((c) => c.customer_key === value);
	} else {
		customer = customers.find((c) => c.email.toLowerCase() === value.toLowerCase());
	}
	if (!customer) throw new ApiError(400, `${field} ${value} not found`);
	return customer;
}

function rewardPartnership(store, partnerKey) {
	const partnership = store.find('partnerships', partnerKey, ['partner_key']);
	return partnership
		? {
				key: partnership.key,
				partner_key: partnership.partner_key,
				group: partnership.group,
				name: [partnership.first_name, partnership.last_name].filter(Boolean).join(' '),
			}
		: null;
}

export function moneyRoutes({ store, emit }) {
	const insertReward = (fields, isTest) =>
		store.insert('rewards', 'reward', {
			amount: fields.amount,
			currency: fields.currency ?? 'USD',
			description: fields.description ?? null,
			reward_status: fields.reward_status ?? fields.status ?? 'pending',
			customer: null,
			transaction: null,
			partnership: null,
			action: null,
			invoice: null,
			offer: null,
			trigger: null,
			archived: false,
			test: isTest,
			...fields.links,
			...(fields.created_at ? { created_at: fields.created_at } : {}),
		});

	return [
		[
			'GET',
			'/api/v2/transactions',
			({ query }) => ({
				data: listPage(store.all('transactions'), query, {
					customer_key: (t, value) => t.customer.key === value || t.customer.external_key === value,
					partner_key: (t, value) => t.partner_key === value,
					product_key: (t, value) => t.product_key === value,
					category_key: (t, value) => t.category_key === value,
					group: groupFilter(
						(t) => store.find('partnerships', t.partner_key, ['partner_key'])?.group,
					),
				}),
			}),
		],
		[
			'POST',
			'/api/v2/transactions',
			({ body, isTest }) => {
				validateBody(body, TRANSACTION_SCHEMA);
				if (!/^[A-Za-z]{3}$/.test(body.currency))
					throw new ApiError(400, "'currency' must be a 3-letter ISO 4217 code");
				const customer = transactionCustomer(store, body);
				if (isTest && !customer.test) {
					throw new ApiError(
						403,
						'You cannot add test transactions to customers created with production keys',
					);
				}
				if (!isTest && customer.test) {
					throw new ApiError(403, 'Transactions on test customers must be recorded with test keys');
				}
				assertUnique(store, 'transactions', 'key', body.key, 'transaction key');
				const currency = body.currency.toUpperCase();
				const transaction = store.insert('transactions', 'transaction', {
					...(body.key ? { key: body.key } : {}),
					amount: body.amount,
					amount_usd: Math.round(body.amount * (USD_RATES[currency] ?? 1)),
					currency,
					approved: false,
					archived: false,
					category_key: body.category_key ?? null,
					product_key: body.product_key ?? null,
					member_key: body.member_key ?? null,
					customer_key: customer.customer_key,
					customer: {
						key: customer.key,
						email: customer.email,
						external_key: customer.customer_key,
					},
					partner_key: customer.partner_key,
					metadata: body.metadata ?? {},
					test: isTest,
					...(body.created_at ? { created_at: body.created_at } : {}),
				});
				if (!isTest && transaction.amount > 0 && CHOICES.rewardShareOfTransaction > 0) {
					insertReward(
						{
							amount: Math.round(transaction.amount_usd * CHOICES.rewardShareOfTransaction),
							description: `Commission on ${transaction.key}`,
							links: {
								transaction: { key: transaction.key, amount: transaction.amount, currency },
								customer: {
									key: customer.key,
									email: customer.email,
									name: customer.name,
									external_key: customer.customer_key,
								},
								partnership: rewardPartnership(store, customer.partner_key),
							},
						},
						false,
					);
				}
				emit('transaction.created', transaction);
				return { data: transaction, message: 'Transaction created' };
			},
		],
		[
			'DELETE',
			'/api/v2/transactions/:key',
			({ params }) => {
				if (!store.find('transactions', params.key)) throw notFound('transaction', params.key);
				store.remove('transactions', params.key);
				return { message: 'Transaction deleted' };
			},
		],
		[
			'GET',
			'/api/v2/rewards',
			({ query }) => ({
				data: listPage(store.all('rewards'), query, {
					customer_key: (r, value) =>
						r.customer?.key === value || r.customer?.external_key === value,
					partner_key: (r, value) => r.partnership?.partner_key === value,
					payment_status: (r, value) => (r.payment_status ?? null) === value,
					reward_status: (r, value) => r.reward_status === value,
					group_key: groupFilter((r) => r.partnership?.group),
					group: groupFilter((r) => r.partnership?.group),
				}),
			}),
		],
		[
			'POST',
			'/api/v2/rewards',
			({ body, isTest }) => {
				validateBody(body, REWARD_SCHEMA);
				const target =
					body.target ??
					(body.partner_key ? { type: 'partnership', key: body.partner_key } : undefined);
				if (!target) throw new ApiError(400, "'target' is a required property");
				validateBody(target, {
					key: { type: 'string', required: true },
					type: { type: 'string', required: true, enum: CHOICES.rewardTargetTypes },
				});
				const links = {};
				if (target.type === 'customer') {
					const customer = store.find('customers', target.key, ['key', 'customer_key']);
					if (!customer) throw new ApiError(400, `customer ${target.key} not found`);
					links.customer = {
						key: customer.key,
						email: customer.email,
						name: customer.name,
						external_key: customer.customer_key,
					};
					links.partnership = rewardPartnership(store, customer.partner_key);
				} else if (target.type === 'transaction') {
					const transaction = store.find('transactions', target.key);
					if (!transaction) throw new ApiError(400, `transaction ${target.key} not found`);
					links.transaction = {
						key: transaction.key,
						amount: transaction.amount,
						currency: transaction.currency,
					};
					links.customer = { ...transaction.customer };
					links.partnership = rewardPartnership(store, transaction.partner_key);
				} else {
					links.partnership = rewardPartnership(
						store,
						requirePartnership(store, target.key).partner_key,
					);
				}
				const reward = insertReward({ ...body, links }, isTest);
				return { data: reward, message: 'Reward created' };
			},
		],
	];
}
