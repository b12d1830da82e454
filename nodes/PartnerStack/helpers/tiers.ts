import type { IDataObject } from 'n8n-workflow';

import type { RequestPacer } from '../transport/concurrency';
import { partnerStackAllItems, type PartnerStackContext } from '../transport';

/** PartnerStack's tiers (`GET /tiers`), read once. */
export async function listTiers(
	this: PartnerStackContext,
	pacer?: RequestPacer,
): Promise<IDataObject[]> {
	return partnerStackAllItems.call(this, '/tiers', {}, Infinity, { pacer });
}

/**
 * Resolves what a user wrote for a tier (its name as the dashboard shows it, or its key) to the tier key the
 * API takes as `tier_key`. Names compare case-insensitively; a key always wins over a name.
 */
export class TierIndex {
	private readonly byKey = new Map<string, string>();
	private readonly byName = new Map<string, string>();

	constructor(tiers: IDataObject[]) {
		for (const tier of tiers) {
			if (!tier.key) continue;
			this.byKey.set(String(tier.key), String(tier.key));
			if (tier.name) this.byName.set(String(tier.name).trim().toLowerCase(), String(tier.key));
		}
	}

	keyOf(nameOrKey: string): string | undefined {
		const text = nameOrKey.trim();
		return this.byKey.get(text) ?? this.byName.get(text.toLowerCase());
	}
}
