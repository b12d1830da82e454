import type { IDataObject } from 'n8n-workflow';

/** The fields people read first, per resource: [output name, path in PartnerStack's object]. */
export const SIMPLE_FIELDS: Record<string, Array<[string, string]>> = {
	action: [['key', 'key'], ['type', 'type'], ['value', 'value'], ['target_type', 'target_type'], ['target_key', 'target_key'],
		['partner_key', 'partner_key'], ['external_key', 'external_key'], ['archived', 'archived'], ['created_at', 'created_at']],
	customer: [['key', 'key'], ['customer_key', 'customer_key'], ['email', 'email'], ['name', 'name'], ['partner_key', 'partner_key'],
		['provider_key', 'provider_key'], ['source_type', 'source_type'], ['test', 'test'], ['archived', 'archived'],
		['created_at', 'created_at'], ['updated_at', 'updated_at']],
	deal: [['key', 'key'], ['external_key', 'external_key'], ['account_name', 'account_name'], ['partner_key', 'partner_key'],
		['stage', 'stage'], ['amount', 'amount'], ['close_date', 'close_date'], ['contact_first_name', 'contact_first_name'],
		['contact_last_name', 'contact_last_name'], ['group_key', 'group_key'], ['customer_key', 'customer_key'],
		['archived', 'archived'], ['created_at', 'created_at'], ['updated_at', 'updated_at']],
	group: [['key', 'key'], ['name', 'name'], ['slug', 'slug'], ['default', 'default'], ['archived', 'archived'], ['created_at', 'created_at']],
	lead: [['key', 'key'], ['external_key', 'external_key'], ['partner_key', 'partner_key'], ['status', 'status'],
		['approved', 'approved'], ['amount', 'amount'], ['first_name', 'meta.first_name'], ['last_name', 'meta.last_name'],
		['email', 'meta.email'], ['group_key', 'group_key'], ['customer_key', 'customer_key'], ['archived', 'archived'],
		['created_at', 'created_at'], ['updated_at', 'updated_at']],
	partnership: [['key', 'key'], ['partner_key', 'partner_key'], ['email', 'email'], ['first_name', 'first_name'],
		['last_name', 'last_name'], ['group_key', 'group.key'], ['group_name', 'group.name'], ['tags', 'tags'],
		['manager_email', 'manager.email'], ['claimed', 'claimed'], ['archived', 'archived'], ['test', 'test'],
		['created_at', 'created_at'], ['updated_at', 'updated_at']],
	reward: [['key', 'key'], ['amount', 'amount'], ['currency', 'currency'], ['description', 'description'],
		['reward_status', 'reward_status'], ['partner_key', 'partnership.partner_key'], ['customer_key', 'customer.key'],
		['transaction_key', 'transaction.key'], ['test', 'test'], ['created_at', 'created_at']],
	transaction: [['key', 'key'], ['amount', 'amount'], ['currency', 'currency'], ['amount_usd', 'amount_usd'],
		['customer_key', 'customer.key'], ['customer_external_key', 'customer.external_key'], ['customer_email', 'customer.email'],
		['product_key', 'product_key'], ['category_key', 'category_key'], ['test', 'test'], ['created_at', 'created_at']],
};

function at(object: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, part) => (value as IDataObject | undefined)?.[part], object);
}

export function simplify(resource: string, object: IDataObject): IDataObject {
	const fields = SIMPLE_FIELDS[resource];
	if (!fields) return object;
	const simple: IDataObject = {};
	for (const [name, path] of fields) {
		const value = at(object, path);
		if (value !== undefined) simple[name] = value as IDataObject[keyof IDataObject];
	}
	return simple;
}
