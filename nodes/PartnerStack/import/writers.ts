import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import type { RequestPacer } from '../transport/concurrency';
import { partnerStackData } from '../transport';
import { createOnce, findByPath, findInList, type FindCreated } from '../transport/createOnce';
import { answered, apiName, TAG_CHANGES } from '../model';
import { answeredRewardFingerprint, rewardFingerprint } from './existing';
import { INVITE_FLAG_FIELD, v2Body, without } from './requestBodies';
import type { ImportObjectType, ObjectSchema } from './schemas';
import type { ValidRow } from './stages/rows';

export interface WriteContext {
	node: IExecuteFunctions;
	schema: ObjectSchema;
	pacer: RequestPacer;
	groupKey?: string;
	sendInviteEmails: boolean;
	/** What already exists in PartnerStack, read once before writing (see PREFETCH in existing.ts). */
	existing: Map<string, IDataObject>;
}

export type WriteResult =
	| { status: 'imported'; reason: string }
	| { status: 'failed'; reason: string };

/**
 * Creates (POST, settled by `find` when its answer is lost) or updates (PATCH, safe to repeat) one object.
 */
async function upsert(
	context: WriteContext,
	found: IDataObject | undefined,
	create: () => [string, IDataObject, FindCreated],
	update: () => [string, IDataObject],
): Promise<WriteResult & { object: IDataObject }> {
	const options = { pacer: context.pacer };
	if (found) {
		const [path, body] = update();
		const object = await partnerStackData.call(context.node, 'PATCH', path, {
			...options,
			body,
			idempotent: true,
		});
		return { status: 'imported', reason: 'updated', object };
	}
	const [path, body, find] = create();
	const { data, recovered } = await createOnce.call(context.node, path, { ...options, body }, find);
	return {
		status: 'imported',
		reason: recovered ? 'created (its answer was lost; found by its key)' : 'created',
		object: data,
	};
}

/** What a partnership update leaves out: its identity (email, partner key) and its tags (their own endpoint). */
const PARTNERSHIP_NOT_UPDATED = (['email', 'partnerKey', 'tags'] as const).map((field) =>
	apiName('partnership', field),
);

const lookup = (context: WriteContext, path: string) =>
	findByPath(context.node, path, { pacer: context.pacer });

/** One writer per object type: how a valid row becomes API v2 calls. */
export const WRITERS: Record<
	ImportObjectType,
	(context: WriteContext, row: ValidRow, extra: { transactionKey?: string }) => Promise<WriteResult>
> = {
	partners: async (context, row) => {
		const { values } = row;
		const body = v2Body(context.schema, row);
		const found =
			context.existing.get(String(values.partner_key ?? '')) ??
			context.existing.get(String(values.partner_email).toLowerCase());
		const identity = String(values.partner_key ?? values.partner_email);
		const result = await upsert(
			context,
			found,
			() => [
				'/partnerships',
				context.sendInviteEmails ? { ...body, [INVITE_FLAG_FIELD]: true } : body,
				lookup(context, `/partnerships/${encodeURIComponent(identity)}`),
			],
			// The identity (email, partner key) is not changed by a re-import; tags go through their own endpoint.
			() => [`/partnerships/${found!.key}`, without(body, PARTNERSHIP_NOT_UPDATED)],
		);
		if (!found) return result;
		// Matched by email while the file names another partner key: the key is an identity, not changed here.
		const foundPartnerKey = answered(found, 'partnership', 'partnerKey');
		const keyNote =
			values.partner_key !== undefined && foundPartnerKey !== values.partner_key
				? `; partner_key stays ${foundPartnerKey} (matched by email)`
				: '';
		// The partnership ends with at least the file's tags: the ones it lacks are added, none removed.
		const tagsOf = (partnership: IDataObject) => answered(partnership, 'partnership', 'tags');
		const has = new Set(((tagsOf(result.object) ?? tagsOf(found) ?? []) as string[]).map(String));
		const missing = ((values.tags ?? []) as string[]).filter((tag) => !has.has(tag));
		if (missing.length) {
			await partnerStackData.call(context.node, 'PATCH', `/partnerships/${found.key}/tags`, {
				body: { [TAG_CHANGES.add]: missing },
				pacer: context.pacer,
				idempotent: true,
			});
			return { status: 'imported', reason: `updated; tags added: ${missing.join(', ')}${keyNote}` };
		}
		return { ...result, reason: `${result.reason}${keyNote}` };
	},
	customers: async (context, row) => {
		const { values } = row;
		const body = v2Body(context.schema, row);
		const key = encodeURIComponent(String(values.customer_key));
		const found = context.existing.get(String(values.customer_key));
		const result = await upsert(
			context,
			found,
			() => ['/customers', body, lookup(context, `/customers/${key}`)],
			() => [`/customers/${key}`, without(body, [apiName('customer', 'partnerKey')])],
		);
		// PATCH /customers cannot move a customer to another partner: say so rather than report it as written.
		const foundPartnerKey = answered(found, 'customer', 'partnerKey');
		if (found && foundPartnerKey !== undefined && foundPartnerKey !== values.partner_key) {
			return {
				status: 'imported',
				reason: `updated; partner_key stays ${foundPartnerKey} (API v2 cannot change a customer's partner)`,
			};
		}
		return result;
	},
	transactions: async (context, row, { transactionKey }) => {
		const body = v2Body(context.schema, row);
		const keyField = apiName('transaction', 'key');
		body[keyField] = String(row.values.key ?? transactionKey);
		const written = await partnerStackData
			.call(context.node, 'POST', '/transactions', { body, pacer: context.pacer, idempotent: true })
			.then(
				() => undefined,
				(error: NodeApiError) => error,
			);
		if (!written) return { status: 'imported', reason: 'created' };
		// Transactions are append-only and their key is unique: "already exists" means an earlier run wrote it.
		if (written.httpCode === '400' && /already exists/i.test(written.message)) {
			return { status: 'imported', reason: `already imported (key ${body[keyField]})` };
		}
		return { status: 'failed', reason: written.message };
	},
	rewards: async (context, row) => {
		const body = v2Body(context.schema, row);
		const fingerprint = rewardFingerprint(
			body[apiName('reward', 'partnerKey')],
			body[apiName('reward', 'amount')],
			body[apiName('reward', 'description')],
		);
		if (context.existing.has(fingerprint)) {
			return {
				status: 'imported',
				reason: 'already imported (same partner, amount and description)',
			};
		}
		// A backdated reward carries its own created_at: the lookup after a lost answer starts there.
		const createdAt = body[apiName('reward', 'createdAt')];
		const createdFrom = typeof createdAt === 'number' ? createdAt : Date.now();
		const { data, recovered } = await createOnce.call(
			context.node,
			'/rewards',
			{ body, pacer: context.pacer },
			findReward(context, fingerprint, createdFrom),
		);
		context.existing.set(fingerprint, data);
		return {
			status: 'imported',
			reason: recovered
				? 'created (its answer was lost; found by partner, amount and description)'
				: 'created',
		};
	},
	deals: (context, row) => {
		const { values } = row;
		const body = {
			...v2Body(context.schema, row),
			[apiName('deal', 'groupKey')]: context.groupKey,
			[apiName('deal', 'source')]: values.partner_key ? 'partner' : 'vendor',
		};
		const found = context.existing.get(String(values.external_key));
		const key = encodeURIComponent(String(values.external_key));
		return upsert(
			context,
			found,
			() => ['/deals', body, lookup(context, `/deals/${key}`)],
			() => [`/deals/${found!.key}`, body],
		);
	},
	leads: (context, row) => {
		const { values, custom } = row;
		const body = v2Body(context.schema, row);
		const meta = apiName('lead', 'meta');
		body[apiName('lead', 'groupKey')] = context.groupKey;
		body[meta] = { ...(body[meta] as IDataObject), ...custom };
		const found = context.existing.get(String(values.email).toLowerCase());
		const key = encodeURIComponent(String(values.email));
		return upsert(
			context,
			found,
			() => ['/leads', body, lookup(context, `/leads/${key}`)],
			() => [`/leads/${found!.key}`, body],
		);
	},
};

/**
 * Rewards have no key of their own: the fingerprint (partner, amount, description) among the rewards created
 * since the create was sent (or since its backdated created_at), excluding those known before (identical
 * rewards of an earlier run).
 */
function findReward(context: WriteContext, fingerprint: string, createdFrom: number): FindCreated {
	const known = new Set([...context.existing.values()].map((reward) => reward.key).filter(Boolean));
	return findInList(
		context.node,
		'/rewards',
		createdFrom,
		(reward) => !known.has(reward.key) && answeredRewardFingerprint(reward) === fingerprint,
		{ pacer: context.pacer },
	);
}
