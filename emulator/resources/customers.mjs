import { ApiError, listPage } from '../store.mjs';
import { validateBody, pick } from '../validate.mjs';
import { CHOICES } from '../choices.mjs';
import {
	archivedAnswer,
	assertUnique,
	groupFilter,
	notFound,
	requirePartnership,
} from './shared.mjs';

const FIELDS = {
	customer_key: { type: 'string', nullable: true, maxLength: 255 },
	email: { type: 'string', minLength: 4, maxLength: 255, format: 'email' },
	member_key: { type: 'string', nullable: true },
	name: { type: 'string', nullable: true, maxLength: 100 },
	provider_key: { type: 'string', nullable: true },
	meta: { type: 'object', nullable: true },
};
const CREATE_SCHEMA = {
	...FIELDS,
	customer_key: { ...FIELDS.customer_key, required: true },
	email: { ...FIELDS.email, required: true },
	partner_key: { type: 'string', required: true },
};

export function findCustomer(store, identifier) {
	const customer = store.find('customers', identifier, CHOICES.customerLookupFields);
	if (!customer) throw notFound('customer', identifier);
	return customer;
}

/** Creates a customer under a partnership: the API's create and the deal/lead convert share it. */
export function createCustomer({ store, emit }, fields, { isTest, source }) {
	const partnership = requirePartnership(store, fields.partner_key);
	if (isTest && !partnership.test && partnership.partner_key !== CHOICES.testPartnerKey) {
		throw new ApiError(403, 'Test customers must belong to a test partner (for example gstest)');
	}
	if (fields.customer_key) {
		const existing = store.all('customers').find((c) => c.customer_key === fields.customer_key);
		if (existing)
			throw new ApiError(
				CHOICES.duplicateStatus,
				`customer_key ${fields.customer_key} already exists`,
			);
	}
	const customer = store.insert('customers', 'customer', {
		customer_key: fields.customer_key ?? null,
		email: fields.email,
		name: fields.name ?? null,
		partner_key: partnership.partner_key,
		partnership_key: partnership.key,
		provider_key: fields.provider_key ?? null,
		member_key: fields.member_key ?? null,
		meta: fields.meta ?? {},
		fields: [],
		source_type: source?.type ?? 'api',
		source_key: source?.key ?? null,
		group: partnership.group,
		archived: false,
		test: isTest || partnership.partner_key === CHOICES.testPartnerKey,
	});
	emit('customer.created', customer);
	return customer;
}

export function customerRoutes(context) {
	const { store, emit } = context;
	return [
		[
			'GET',
			'/api/v2/customers',
			({ query }) => ({
				data: listPage(store.all('customers'), query, {
					partner_key: (c, value) => c.partner_key === value,
					customer_key: (c, value) => c.customer_key === value,
					email: (c, value) => c.email.toLowerCase() === value.toLowerCase(),
					provider_key: (c, value) => c.provider_key === value,
					group: groupFilter((c) => c.group),
					group_key: groupFilter((c) => c.group),
				}),
			}),
		],
		[
			'POST',
			'/api/v2/customers',
			({ body, isTest }) => {
				validateBody(body, CREATE_SCHEMA);
				return { data: createCustomer(context, body, { isTest }), message: 'Customer created' };
			},
		],
		['GET', '/api/v2/customers/:id', ({ params }) => ({ data: findCustomer(store, params.id) })],
		[
			'PATCH',
			'/api/v2/customers/:id',
			({ params, body }) => {
				validateBody(body, FIELDS);
				const customer = findCustomer(store, params.id);
				if (body.customer_key && body.customer_key !== customer.customer_key) {
					assertUnique(store, 'customers', 'customer_key', body.customer_key);
				}
				const changes = pick(body, ['customer_key', 'email', 'member_key', 'name', 'provider_key']);
				if (body.meta) changes.meta = { ...customer.meta, ...body.meta };
				store.touch(customer, changes);
				emit('customer.updated', customer);
				return { data: customer, message: 'Customer updated' };
			},
		],
		[
			'DELETE',
			'/api/v2/customers/:id',
			({ params }) => {
				const customer = findCustomer(store, params.id);
				if (customer.archived) throw notFound('customer', params.id);
				store.touch(customer, { archived: true });
				emit('customer.deleted', customer);
				return archivedAnswer(customer, 'Customer deleted');
			},
		],
	];
}
