import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestPacer } from '../transport/concurrency';
import { mapWithConcurrency } from '../transport/concurrency';
import { partnerStackGetOrNothing } from '../transport/getOrNothing';

export type ReferenceKind = 'partner' | 'partnerByEmail' | 'customer';

/** What a lookup found: the object, nothing (404), or an error that is not the row's fault. */
export type Lookup = { found: IDataObject } | { missing: true } | { error: string };

const PATHS: Record<ReferenceKind, (key: string) => string> = {
	partner: (key) => `/partnerships/${encodeURIComponent(key)}`,
	partnerByEmail: (key) => `/partnerships/${encodeURIComponent(key)}`,
	customer: (key) => `/customers/${encodeURIComponent(key)}`,
};

export const MISSING_REASON: Record<ReferenceKind, (key: string) => string> = {
	partner: (key) => `partner ${key} not found`,
	partnerByEmail: (key) => `partner ${key} not found`,
	customer: (key) => `customer ${key} not found`,
};

/** Looks each distinct key up once per run (docs/import-rules.md#against-partnerstack: each key looked up once per run). */
export class ReferenceCache {
	private readonly results = new Map<string, Lookup>();

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly pacer: RequestPacer,
		private readonly concurrency: number,
	) {}

	async resolve(wanted: Array<{ kind: ReferenceKind; key: string }>): Promise<void> {
		const distinct = [...new Map(wanted.map((w) => [`${w.kind}:${w.key}`, w])).values()].filter(
			(w) => !this.results.has(`${w.kind}:${w.key}`),
		);
		await mapWithConcurrency(distinct, this.concurrency, async ({ kind, key }) => {
			this.results.set(`${kind}:${key}`, await this.lookup(kind, key));
		});
	}

	get(kind: ReferenceKind, key: string): Lookup | undefined {
		return this.results.get(`${kind}:${key}`);
	}

	private async lookup(kind: ReferenceKind, key: string): Promise<Lookup> {
		try {
			const found = await partnerStackGetOrNothing.call(this.context, PATHS[kind](key), {
				pacer: this.pacer,
			});
			return !found || found.archived === true ? { missing: true } : { found };
		} catch (error) {
			return { error: (error as Error).message };
		}
	}
}
