import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import type { RequestPacer } from '../transport/concurrency';
import { partnerStackAllItems, partnerStackData } from '../transport';
import type { ImportObjectType, ObjectSchema } from './schemas';
import type { RowValues } from './validator';

export interface WriteContext {
	node: IExecuteFunctions;
	schema: ObjectSchema;
	pacer: RequestPacer;
	groupKey?: string;
	sendInviteEmails: boolean;
	/** What already exists in PartnerStack, read once before writing (see PREFETCH). */
	existing: Map<string, IDataObject>;
}

export interface ValidRow {
	row: number;
	/** The row's cells as read (the bulk upload sends them). */
	cells: string[];
	values: RowValues;
	custom: Record<string, string>;
	/** Set by the reference check: the partner the row points at. */
	partner?: IDataObject;
}

export type WriteResult = { status: 'imported'; reason: string } | { status: 'failed'; reason: string };

/** Fields whose column name differs from the API's are mapped in the schema (`api`); this sends them. */
function apiFields(schema: ObjectSchema, values: RowValues): IDataObject {
	const body: IDataObject = {};
	for (const field of schema.fields) {
		const value = values[field.name];
		if (field.api && value !== undefined && value !== '') body[field.api] = value as IDataObject[string];
	}
	return body;
}

function without(body: IDataObject, fields: string[]): IDataObject {
	return Object.fromEntries(Object.entries(body).filter(([field]) => !fields.includes(field)));
}

const epochOf = (date: unknown) => (typeof date === 'string' && /^\d+$/.test(date) ? Number(date) : Date.parse(`${date}T00:00:00Z`));

/**
 * Rows of the same content get the same derived transaction key, the n-th identical row its n-th key: a
 * re-run of the same file never records a sale twice, even when the file has no `key` column.
 */
export function derivedTransactionKeys(rows: ValidRow[]): Map<number, string> {
	const seen = new Map<string, number>();
	const keys = new Map<number, string>();
	for (const { row, values } of rows) {
		if (values.key) continue;
		const content = ['customer_key', 'amount_in_cents', 'amount_in_dollars', 'currency', 'created_at', 'product_key']
			.map((name) => String(values[name] ?? ''))
			.join('|');
		const occurrence = (seen.get(content) ?? 0) + 1;
		seen.set(content, occurrence);
		keys.set(row, `imp_${createHash('sha256').update(content).digest('hex').slice(0, 24)}_${occurrence}`);
	}
	return keys;
}

export function rewardFingerprint(partnerKey: unknown, amount: unknown, description: unknown): string {
	return `${partnerKey}|${amount}|${description}`;
}

/** What each object type reads once before writing, to update instead of duplicating on a re-run. */
export const PREFETCH: Partial<Record<ImportObjectType, { endpoint: string; keysOf: (item: IDataObject) => unknown[] }>> = {
	partners: { endpoint: '/partnerships', keysOf: (p) => [p.partner_key, String(p.email ?? '').toLowerCase()] },
	customers: { endpoint: '/customers', keysOf: (c) => [c.customer_key] },
	deals: { endpoint: '/deals', keysOf: (d) => [d.external_key] },
	leads: { endpoint: '/leads', keysOf: (l) => [String(l.external_key ?? '').toLowerCase()] },
	rewards: {
		endpoint: '/rewards',
		keysOf: (r) => [rewardFingerprint((r.partnership as IDataObject | undefined)?.partner_key, r.amount, r.description)],
	},
};

export async function prefetchExisting(node: IExecuteFunctions, objectType: ImportObjectType, pacer: RequestPacer) {
	const existing = new Map<string, IDataObject>();
	const plan = PREFETCH[objectType];
	if (!plan) return existing;
	for (const item of await partnerStackAllItems.call(node, plan.endpoint, { include_archived: false }, Infinity, { pacer })) {
		for (const key of plan.keysOf(item)) if (key) existing.set(String(key), item);
	}
	return existing;
}

async function upsert(context: WriteContext, found: IDataObject | undefined, create: () => [string, IDataObject], update: () => [string, IDataObject]): Promise<WriteResult> {
	const [path, body] = found ? update() : create();
	await partnerStackData.call(context.node, found ? 'PATCH' : 'POST', path, { body, pacer: context.pacer, idempotent: Boolean(found) });
	return { status: 'imported', reason: found ? 'updated' : 'created' };
}

/** One writer per object type: how a valid row becomes API v2 calls. */
export const WRITERS: Record<ImportObjectType, (context: WriteContext, row: ValidRow, extra: { transactionKey?: string }) => Promise<WriteResult>> = {
	partners: (context, { values }) => {
		const body = apiFields(context.schema, values);
		if (values.partner_group) body.group_key = String(values.partner_group);
		const found = context.existing.get(String(values.partner_key ?? '')) ?? context.existing.get(String(values.partner_email).toLowerCase());
		return upsert(
			context,
			found,
			() => ['/partnerships', context.sendInviteEmails ? { ...body, send_invite_email: true } : body],
			// The identity (email, partner key) is not changed by a re-import; tags go through their own endpoint.
			() => [`/partnerships/${found!.key}`, without(body, ['email', 'partner_key', 'tags'])],
		);
	},
	customers: (context, { values }) => {
		const body = apiFields(context.schema, values);
		const meta = Object.fromEntries(
			['company_name', 'created_at', 'state', 'city', 'unit', 'region', 'primary', 'postal'].filter((name) => values[name] !== undefined).map((name) => [name, values[name]]),
		);
		if (Object.keys(meta).length) body.meta = meta;
		const found = context.existing.get(String(values.customer_key));
		return upsert(context, found, () => ['/customers', body], () => [
			`/customers/${encodeURIComponent(String(values.customer_key))}`,
			without(body, ['partner_key']),
		]);
	},
	transactions: async (context, { values }, { transactionKey }) => {
		const body = apiFields(context.schema, values);
		body.customer_external_key = String(values.customer_key);
		body.key = String(values.key ?? transactionKey);
		if (values.created_at) body.created_at = epochOf(values.created_at);
		const written = await partnerStackData
			.call(context.node, 'POST', '/transactions', { body, pacer: context.pacer, idempotent: true })
			.then(() => undefined, (error: NodeApiError) => error);
		if (!written) return { status: 'imported', reason: 'created' };
		// Transactions are append-only and their key is unique: "already exists" means an earlier run wrote it.
		if (written.httpCode === '400' && /already exists/i.test(written.message)) {
			return { status: 'imported', reason: `already imported (key ${body.key})` };
		}
		return { status: 'failed', reason: written.message };
	},
	rewards: async (context, { values, partner }) => {
		const body = apiFields(context.schema, values);
		const partnerKey = String(partner?.partner_key ?? values.partner_key);
		if (context.existing.has(rewardFingerprint(partnerKey, body.amount, body.description))) {
			return { status: 'imported', reason: 'already imported (same partner, amount and description)' };
		}
		// PartnerStack documents targets for customers and transactions; a reward for a partner names the partner.
		if (values.target_type) body.target = { type: values.target_type, key: values.target_key };
		else body.partner_key = partnerKey;
		if (values.created_at) body.created_at = epochOf(values.created_at);
		await partnerStackData.call(context.node, 'POST', '/rewards', { body, pacer: context.pacer });
		context.existing.set(rewardFingerprint(partnerKey, body.amount, body.description), body);
		return { status: 'imported', reason: 'created' };
	},
	deals: (context, { values }) => {
		const body = { ...apiFields(context.schema, values), group_key: context.groupKey, source: values.partner_key ? 'partner' : 'vendor' };
		const found = context.existing.get(String(values.external_key));
		return upsert(context, found, () => ['/deals', body], () => [`/deals/${found!.key}`, body]);
	},
	leads: (context, { values, custom }) => {
		const body: IDataObject = {
			...apiFields(context.schema, values),
			external_key: String(values.email),
			group_key: context.groupKey,
			meta: { first_name: values.first_name, last_name: values.last_name, email: values.email, ...custom },
		};
		const found = context.existing.get(String(values.email).toLowerCase());
		return upsert(context, found, () => ['/leads', body], () => [`/leads/${found!.key}`, body]);
	},
};
