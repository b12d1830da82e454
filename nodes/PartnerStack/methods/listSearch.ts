import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { partnerStackPage } from '../transport';

/** One page of a list, filtered by the typed text; the pagination token is the last key seen. */
async function searchList(
	this: ILoadOptionsFunctions,
	endpoint: string,
	label: (item: IDataObject) => string,
	value: (item: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
	query: IDataObject = {},
): Promise<INodeListSearchResult> {
	const page = await partnerStackPage.call(this, endpoint, {
		...query,
		limit: 250,
		...(paginationToken ? { starting_after: paginationToken } : {}),
	});
	const needle = filter?.trim().toLowerCase();
	const results = page.items
		.map((item) => ({ name: label(item), value: value(item) }))
		.filter((result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle));
	const last = page.items[page.items.length - 1];
	return { results, paginationToken: page.hasMore && last?.key ? String(last.key) : undefined };
}

const fullName = (item: IDataObject) =>
	[item.first_name, item.last_name].filter(Boolean).join(' ') || String(item.email ?? item.key);

export async function searchPartnerships(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await searchList.call(
		this,
		'/partnerships',
		(p) => `${fullName(p)} (${p.partner_key})`,
		(p) => String(p.partner_key ?? p.key),
		filter,
		token,
	);
}

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await searchList.call(
		this,
		'/customers',
		(c) => `${c.name ?? c.email} (${c.email})`,
		(c) => String(c.customer_key ?? c.key),
		filter,
		token,
	);
}

export async function searchDeals(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await searchList.call(
		this,
		'/deals',
		(d) => `${d.account_name ?? d.key} · ${d.stage ?? ''}`,
		(d) => String(d.key),
		filter,
		token,
	);
}

export async function searchLeads(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	const meta = (lead: IDataObject) => (lead.meta ?? {}) as IDataObject;
	return await searchList.call(
		this,
		'/leads',
		(l) => `${fullName(meta(l))} (${l.external_key ?? l.key}) · ${l.status}`,
		(l) => String(l.key),
		filter,
		token,
	);
}

export async function searchTransactions(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	const customerOf = (t: IDataObject) => (t.customer ?? {}) as IDataObject;
	return await searchList.call(
		this,
		'/transactions',
		(t) => `${t.key}: ${Number(t.amount) / 100} ${t.currency} (${customerOf(t).email ?? ''})`,
		(t) => String(t.key),
		filter,
		token,
	);
}

export async function searchActions(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await searchList.call(
		this,
		'/actions',
		(a) => `${a.type} ×${a.value} (${a.target_key})`,
		(a) => String(a.key),
		filter,
		token,
	);
}

/** Only applications nobody has decided yet: the ones an approve or decline can act on. */
export async function searchPendingApplications(
	this: ILoadOptionsFunctions,
	filter?: string,
	token?: string,
) {
	return await searchList.call(
		this,
		'/applications',
		(a) =>
			`${fullName(a)} <${a.email}> · ${(a.group as IDataObject | undefined)?.name ?? a.group_name ?? ''}`,
		(a) => String(a.key),
		filter,
		token,
		{ status: 'pending' },
	);
}
