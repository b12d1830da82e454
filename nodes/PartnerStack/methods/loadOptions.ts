import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listItems, partnerStackAllItems, partnerStackRequest } from '../transport';

function byName(a: INodePropertyOptions, b: INodePropertyOptions) {
	return a.name.localeCompare(b.name);
}

async function groups(this: ILoadOptionsFunctions) {
	return await partnerStackAllItems.call(this, '/groups');
}

/** Group pickers that set a group_key. */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await groups.call(this))
		.map((g) => ({ name: String(g.name), value: String(g.key), description: String(g.slug ?? '') }))
		.sort(byName);
}

/** The Get Many `group` filter takes the group's name without spaces or special characters. */
export async function getGroupSlugs(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await groups.call(this))
		.map((g) => ({
			name: String(g.name),
			value: String(
				g.slug ??
					String(g.name)
						.replace(/[^A-Za-z0-9]/g, '')
						.toLowerCase(),
			),
		}))
		.sort(byName);
}

function currentGroupKey(this: ILoadOptionsFunctions): string {
	for (const name of ['groupKey', 'updateFields.groupKey']) {
		const value = this.getCurrentNodeParameter(name);
		if (typeof value === 'string' && value) return value;
	}
	return '';
}

/** Deal stages of the chosen group (every group's when none is chosen), in pipeline order. */
export async function getDealStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groupKey = currentGroupKey.call(this);
	const envelope = await partnerStackRequest.call(this, 'GET', '/sales-cycles/deal/stages', {
		qs: groupKey ? { group_key: groupKey } : {},
	});
	return listItems(envelope.data)
		.items.sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
		.map((stage) => ({
			name: String(stage.name),
			value: String(stage.name),
			description: groupKey ? undefined : String(stage.group_key ?? ''),
		}));
}

export async function getDealFormTemplates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const groupKey = currentGroupKey.call(this);
	const envelope = await partnerStackRequest.call(this, 'GET', '/deals/form-templates', {
		qs: groupKey ? { group_key: groupKey } : {},
	});
	return listItems(envelope.data)
		.items.map((t) => ({ name: String(t.name ?? t.title ?? t.key), value: String(t.key) }))
		.sort(byName);
}

/** Partner tiers: the picker of a partnership's tier (sent as tier_key), lowest position first when tiers have one. */
export async function getTiers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const tiers = await partnerStackAllItems.call(this, '/tiers');
	return tiers
		.sort(
			(a, b) =>
				Number(a.position ?? 0) - Number(b.position ?? 0) ||
				String(a.name).localeCompare(String(b.name)),
		)
		.map((tier) => ({ name: String(tier.name ?? tier.key), value: String(tier.key) }));
}

/** Application forms, for the trigger's scope. */
export async function getApplicationForms(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const templates = await partnerStackAllItems.call(this, '/form-templates', {
		target_type: 'application',
	});
	return templates
		.filter((t) => !t.type || t.type === 'application')
		.map((t) => ({ name: String(t.name ?? t.title ?? t.key), value: String(t.key) }))
		.sort(byName);
}
