// What a re-run recognises, so that importing the same file twice duplicates nothing: the objects already in
// PartnerStack, read once before writing, and the identities rows are matched by (a derived transaction key, a
// reward's fingerprint).
import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { answered } from '../model';
import { partnerStackAllItems } from '../transport';
import type { RequestPacer } from '../transport/concurrency';
import type { ImportObjectType } from './schemas';
import type { ValidRow } from './stages/rows';

/**
 * Rows of the same content get the same derived transaction key, the n-th identical row its n-th key: a
 * re-run of the same file never records a sale twice, even when the file has no `key` column.
 */
export function derivedTransactionKeys(rows: ValidRow[]): Map<number, string> {
	const seen = new Map<string, number>();
	const keys = new Map<number, string>();
	for (const { row, values } of rows) {
		if (values.key) continue;
		const content = [
			'customer_key',
			'amount_in_cents',
			'amount_in_dollars',
			'currency',
			'created_at',
			'product_key',
		]
			.map((name) => String(values[name] ?? ''))
			.join('|');
		const occurrence = (seen.get(content) ?? 0) + 1;
		seen.set(content, occurrence);
		keys.set(
			row,
			`imp_${createHash('sha256').update(content).digest('hex').slice(0, 24)}_${occurrence}`,
		);
	}
	return keys;
}

export function rewardFingerprint(
	partnerKey: unknown,
	amount: unknown,
	description: unknown,
): string {
	return `${partnerKey}|${amount}|${description}`;
}

/** The fingerprint of a reward PartnerStack answered (its partner is in `partnership`). */
export function answeredRewardFingerprint(reward: IDataObject): string {
	return rewardFingerprint(
		answered(reward, 'reward', 'partnerKey'),
		answered(reward, 'reward', 'amount'),
		answered(reward, 'reward', 'description'),
	);
}

/** What each object type reads once before writing, to update instead of duplicating on a re-run. */
export const PREFETCH: Partial<
	Record<ImportObjectType, { endpoint: string; keysOf: (item: IDataObject) => unknown[] }>
> = {
	partners: {
		endpoint: '/partnerships',
		keysOf: (p) => [
			answered(p, 'partnership', 'partnerKey'),
			String(answered(p, 'partnership', 'email') ?? '').toLowerCase(),
		],
	},
	customers: { endpoint: '/customers', keysOf: (c) => [answered(c, 'customer', 'customerKey')] },
	deals: { endpoint: '/deals', keysOf: (d) => [answered(d, 'deal', 'externalKey')] },
	leads: {
		endpoint: '/leads',
		keysOf: (l) => [String(answered(l, 'lead', 'externalKey') ?? '').toLowerCase()],
	},
	rewards: { endpoint: '/rewards', keysOf: (r) => [answeredRewardFingerprint(r)] },
};

export async function prefetchExisting(
	node: IExecuteFunctions,
	objectType: ImportObjectType,
	pacer: RequestPacer,
) {
	const existing = new Map<string, IDataObject>();
	const plan = PREFETCH[objectType];
	if (!plan) return existing;
	for (const item of await partnerStackAllItems.call(
		node,
		plan.endpoint,
		{ include_archived: false },
		Infinity,
		{ pacer },
	)) {
		for (const key of plan.keysOf(item)) if (key) existing.set(String(key), item);
	}
	return existing;
}
