import type { IDataObject } from 'n8n-workflow';

/** One page of a list: its items, and whether PartnerStack has more after the last one. */
export interface Page {
	items: IDataObject[];
	hasMore: boolean;
}

/**
 * Reads a list answer's `data`: PartnerStack pages lists as `{items, has_more}`, but some endpoints (form
 * templates, deal stages) answer a bare array, which is the whole list. Anything else is an empty list.
 */
export function listItems(data: unknown): Page {
	if (Array.isArray(data)) return { items: data as IDataObject[], hasMore: false };
	const page = data as { items?: IDataObject[]; has_more?: boolean } | undefined;
	return { items: page?.items ?? [], hasMore: page?.has_more === true };
}
