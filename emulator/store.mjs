// The emulator's data: one ordered map per collection, PartnerStack-style keys, cursor paging.
import { randomBytes } from 'node:crypto';
import { CHOICES } from './choices.mjs';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function newKey(kind) {
	const bytes = randomBytes(14);
	let suffix = '';
	for (const byte of bytes) suffix += BASE62[byte % 62];
	return `${CHOICES.keyPrefixes[kind]}_${suffix}`;
}

export class ApiError extends Error {
	constructor(status, message) {
		super(message);
		this.status = status;
	}
}

export const COLLECTIONS = [
	'groups',
	'partnerships',
	'customers',
	'transactions',
	'rewards',
	'actions',
	'deals',
	'leads',
	'formTemplates',
	'stages',
	'webhooks',
	'applications',
	'dealFiles',
	'tiers',
	'exports',
];

export class Store {
	constructor() {
		this.reset();
	}

	reset() {
		this.collections = Object.fromEntries(COLLECTIONS.map((name) => [name, new Map()]));
		this.clock = 0;
	}

	/** Strictly increasing epoch ms, so that "newest first" and min/max filters are deterministic. */
	now() {
		this.clock = Math.max(Date.now(), this.clock + 1);
		return this.clock;
	}

	insert(collection, kind, fields) {
		const now = this.now();
		const object = { key: fields.key ?? newKey(kind), created_at: now, updated_at: now, ...fields };
		this.collections[collection].set(object.key, object);
		return object;
	}

	touch(object, changes) {
		Object.assign(object, changes, { updated_at: this.now() });
		return object;
	}

	all(collection) {
		return [...this.collections[collection].values()];
	}

	/** Finds by the first of `fields` that matches `identifier`. */
	find(collection, identifier, fields = ['key']) {
		if (identifier === undefined || identifier === null || identifier === '') return undefined;
		for (const field of fields) {
			if (field === 'key') {
				const byKey = this.collections[collection].get(identifier);
				if (byKey) return byKey;
				continue;
			}
			const match = this.all(collection).find((object) => object[field] === identifier);
			if (match) return match;
		}
		return undefined;
	}

	remove(collection, key) {
		this.collections[collection].delete(key);
	}
}

const SORTABLE = new Set(['created_at', 'updated_at']);
const TIME_FILTERS = [
	['min_created', 'created_at', (value, bound) => value >= bound],
	['max_created', 'created_at', (value, bound) => value <= bound],
	['min_updated', 'updated_at', (value, bound) => value >= bound],
	['max_updated', 'updated_at', (value, bound) => value <= bound],
];

function integerParam(query, name) {
	const raw = query.get(name);
	if (raw === null) return undefined;
	if (!/^-?\d+$/.test(raw)) throw new ApiError(400, `'${name}' must be an integer`);
	return Number(raw);
}

/**
 * PartnerStack list semantics: filters, `order_by` (default newest first), `limit` 1–250 (default 10),
 * `starting_after` / `ending_before` cursors on `key`, and `{ items, has_more }`.
 */
export function listPage(objects, query, extraFilters = {}) {
	const limit = integerParam(query, 'limit') ?? 10;
	if (limit < 1 || limit > 250) throw new ApiError(400, "'limit' must be between 1 and 250");
	const startingAfter = query.get('starting_after');
	const endingBefore = query.get('ending_before');
	if (startingAfter && endingBefore) {
		throw new ApiError(400, "'starting_after' and 'ending_before' cannot be used together");
	}

	let rows = objects;
	if (!CHOICES.listsIncludeArchived && query.get('include_archived') !== 'true') {
		rows = rows.filter((object) => object.archived !== true);
	}
	for (const [param, field, keep] of TIME_FILTERS) {
		const bound = integerParam(query, param);
		if (bound !== undefined) rows = rows.filter((object) => keep(object[field], bound));
	}
	for (const [param, predicate] of Object.entries(extraFilters)) {
		const value = query.get(param);
		if (value !== null && value !== '') rows = rows.filter((object) => predicate(object, value));
	}

	const orderBy = query.get('order_by') ?? '-created_at';
	const field = orderBy.replace(/^-/, '');
	if (!SORTABLE.has(field))
		throw new ApiError(
			400,
			`'order_by' must be one of created_at, updated_at (optionally prefixed with -)`,
		);
	const direction = orderBy.startsWith('-') ? -1 : 1;
	const position = new Map(objects.map((object, index) => [object.key, index]));
	rows = [...rows].sort(
		(a, b) => direction * (a[field] - b[field] || position.get(a.key) - position.get(b.key)),
	);

	let start = 0;
	let end = rows.length;
	if (startingAfter) {
		const index = rows.findIndex((object) => object.key === startingAfter);
		if (index === -1) throw new ApiError(400, `starting_after key ${startingAfter} not found`);
		start = index + 1;
		end = Math.min(rows.length, start + limit);
	} else if (endingBefore) {
		const index = rows.findIndex((object) => object.key === endingBefore);
		if (index === -1) throw new ApiError(400, `ending_before key ${endingBefore} not found`);
		end = index;
		start = Math.max(0, end - limit);
	} else {
		end = Math.min(rows.length, limit);
	}
	const items = rows.slice(start, end);
	const hasMore = endingBefore ? start > 0 : end < rows.length;
	return { items, has_more: hasMore };
}
