import type { IDataObject } from 'n8n-workflow';

/**
 * The fields people read, per resource: [output name, path in PartnerStack's object]. Each resource keeps at least
 * every field Workato's connector shows for that object. The editor's output schemas are generated from this table
 * (scripts/output-schemas.js), so what the editor previews is what Simplify returns.
 */
export const SIMPLE_FIELDS: Record<string, Array<[string, string]>> = {
	action: [
		['key', 'key'],
		['type', 'type'],
		['value', 'value'],
		['target_type', 'target_type'],
		['target_key', 'target_key'],
		['partner_key', 'partner_key'],
		['external_key', 'external_key'],
		['archived', 'archived'],
		['created_at', 'created_at'],
	],
	application: [
		['key', 'key'],
		['email', 'email'],
		['first_name', 'first_name'],
		['last_name', 'last_name'],
		['business_name', 'content.business_name'],
		['content', 'content'],
		['group_key', 'group.key'],
		['group_name', 'group.name'],
		['group_slug', 'group.slug'],
		['approved', 'approved'],
		['decline_reason', 'decline_reason'],
		['partner_key', 'partner_key'],
		['partnership_key', 'partnership_key'],
		['mold_key', 'mold_key'],
		['test', 'test'],
		['created_at', 'created_at'],
		['updated_at', 'updated_at'],
	],
	customer: [
		['key', 'key'],
		['customer_key', 'customer_key'],
		['email', 'email'],
		['name', 'name'],
		['partner_key', 'partner_key'],
		['provider_key', 'provider_key'],
		['source_type', 'source_type'],
		['source_key', 'source_key'],
		['test', 'test'],
		['archived', 'archived'],
		['created_at', 'created_at'],
		['updated_at', 'updated_at'],
	],
	deal: [
		['key', 'key'],
		['external_key', 'external_key'],
		['account_name', 'account_name'],
		['partner_key', 'partner_key'],
		['stage', 'stage'],
		['lost_reason', 'lost_reason'],
		['amount', 'amount'],
		['close_date', 'close_date'],
		['contact_first_name', 'contact_first_name'],
		['contact_last_name', 'contact_last_name'],
		['group_key', 'group_key'],
		['customer_key', 'customer_key'],
		['fields', 'fields'],
		['archived', 'archived'],
		['created_at', 'created_at'],
		['updated_at', 'updated_at'],
	],
	group: [
		['key', 'key'],
		['name', 'name'],
		['slug', 'slug'],
		['default', 'default'],
		['archived', 'archived'],
		['created_at', 'created_at'],
	],
	lead: [
		['key', 'key'],
		['external_key', 'external_key'],
		['partner_key', 'partner_key'],
		['status', 'status'],
		['approved', 'approved'],
		['amount', 'amount'],
		['first_name', 'meta.first_name'],
		['last_name', 'meta.last_name'],
		['email', 'meta.email'],
		['group_key', 'group_key'],
		['customer_key', 'customer_key'],
		['fields', 'fields'],
		['archived', 'archived'],
		['created_at', 'created_at'],
		['updated_at', 'updated_at'],
	],
	partnership: [
		['key', 'key'],
		['partner_key', 'partner_key'],
		['email', 'email'],
		['first_name', 'first_name'],
		['last_name', 'last_name'],
		['group_key', 'group.key'],
		['group_name', 'group.name'],
		['group_slug', 'group.slug'],
		['tier_key', 'tier.key'],
		['tier_name', 'tier.name'],
		['team_key', 'team.key'],
		['team_name', 'team.name'],
		['tags', 'tags'],
		['manager_name', 'manager.name'],
		['manager_email', 'manager.email'],
		['claimed', 'claimed'],
		['archived', 'archived'],
		['test', 'test'],
		['created_at', 'created_at'],
		['updated_at', 'updated_at'],
	],
	reward: [
		['key', 'key'],
		['amount', 'amount'],
		['currency', 'currency'],
		['description', 'description'],
		['reward_status', 'reward_status'],
		['partner_key', 'partnership.partner_key'],
		['customer_key', 'customer.key'],
		['transaction_key', 'transaction.key'],
		['test', 'test'],
		['created_at', 'created_at'],
	],
	tier: [
		['key', 'key'],
		['name', 'name'],
		['created_at', 'created_at'],
		['updated_at', 'updated_at'],
	],
	transaction: [
		['key', 'key'],
		['amount', 'amount'],
		['currency', 'currency'],
		['amount_usd', 'amount_usd'],
		['customer_key', 'customer.key'],
		['customer_external_key', 'customer.external_key'],
		['customer_email', 'customer.email'],
		['product_key', 'product_key'],
		['category_key', 'category_key'],
		['test', 'test'],
		['created_at', 'created_at'],
		['updated_at', 'updated_at'],
	],
};

/**
 * Operations whose output is not (only) the resource's object: the fields they return, in order. `<resource>.<operation>`
 * names one operation; `delete` is every delete (plus the archived record's simplified fields when the API returns it).
 */
export const OPERATION_FIELDS: Record<string, string[]> = {
	delete: ['key', 'deleted', 'message'],
	'deal.listAttachments': ['deal_key', 'key', 'name', 'field_key'],
	'deal.getAttachment': ['deal_key', 'file_key', 'file_name', 'field_key', 'mime_type', 'size'],
	'export.create': ['key', 'member_email', 'export_types', 'skipped_types', 'status', 'message'],
};

/** Operations that answer another resource's object (convert answers the new customer). */
export const OPERATION_OUTPUT_RESOURCE: Record<string, string> = { convert: 'customer' };

function at(object: IDataObject, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, part) => (value as IDataObject | undefined)?.[part], object);
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

/** Keeps the fields OPERATION_FIELDS lists for an operation, in that order. */
export function pickFields(operation: string, object: IDataObject): IDataObject {
	const picked: IDataObject = {};
	for (const name of OPERATION_FIELDS[operation]) {
		if (object[name] !== undefined) picked[name] = object[name];
	}
	return picked;
}
