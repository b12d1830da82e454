// Program configuration the nodes read: groups, form templates, sales-cycle stages, deal files, tiers.
import { listPage } from '../store.mjs';
import { CHOICES } from '../choices.mjs';
import { notFound, requireGroup } from './shared.mjs';

function templatesFor(store, type, query) {
	return store
		.all('formTemplates')
		.filter(
			(template) =>
				(!type || template.type === type) &&
				(!query.get('group_key') || template.groups.includes(query.get('group_key'))) &&
				(!query.get('mold_key') || template.key === query.get('mold_key')),
		);
}

export function catalogRoutes({ store, emit }) {
	const dealFileRoute = ({ params, baseUrl }) => {
		const deal = store.find('deals', params.id, CHOICES.dealLookupFields);
		if (!deal) throw notFound('deal', params.id);
		const file = store.find('dealFiles', params.fileKey);
		if (!file || file.deal_key !== deal.key) throw notFound('file', params.fileKey);
		const expires = Date.now() + CHOICES.dealFileUrlTtlMs;
		return { data: { url: `${baseUrl}/__files/${file.key}?expires=${expires}` } };
	};

	return [
		[
			'GET',
			'/api/v2/groups',
			({ query }) => ({
				data: listPage(store.all('groups'), query, {
					name: (g, value) => g.name.toLowerCase().includes(value.toLowerCase()),
				}),
			}),
		],
		[
			'GET',
			'/api/v2/groups/:key',
			({ params }) => ({ data: requireGroupOr404(store, params.key) }),
		],
		[
			'GET',
			'/api/v2/form-templates',
			({ query }) => ({
				data: listPage(templatesFor(store, query.get('target_type'), query), query),
			}),
		],
		[
			'GET',
			'/api/v2/deals/form-templates',
			({ query }) => ({ data: templatesFor(store, 'deal', query) }),
		],
		[
			'GET',
			'/api/v2/leads/form-templates',
			({ query }) => ({ data: templatesFor(store, 'lead', query) }),
		],
		[
			'GET',
			'/api/v2/sales-cycles/:objectType/stages',
			({ params, query }) => {
				const groupKey = query.get('group_key');
				if (groupKey) requireGroup(store, groupKey);
				const stages = store
					.all('stages')
					.filter(
						(stage) =>
							stage.object_type === params.objectType &&
							(!groupKey || stage.group_key === groupKey),
					)
					.sort((a, b) => a.position - b.position);
				return { data: CHOICES.stagesAsArray ? stages : { items: stages, has_more: false } };
			},
		],
		[
			'GET',
			'/api/v2/deals/:id/files',
			({ params }) => {
				const deal = store.find('deals', params.id, CHOICES.dealLookupFields);
				if (!deal) throw notFound('deal', params.id);
				const files = store
					.all('dealFiles')
					.filter((file) => file.deal_key === deal.key)
					.map(({ key, name, field_key }) => ({ key, name, field_key }));
				return { data: { deal_files: files } };
			},
		],
		['GET', '/api/v2/deals/:id/file/:fileKey', dealFileRoute],
		['GET', '/api/deals/:id/file/:fileKey', dealFileRoute],

		['GET', '/api/v2/tiers', ({ query }) => ({ data: listPage(store.all('tiers'), query) })],
		[
			'GET',
			'/api/v2/tiers/:key',
			({ params }) => {
				const tier = store.find('tiers', params.key);
				if (!tier) throw notFound('tier', params.key);
				return { data: tier };
			},
		],
	];
}

function requireGroupOr404(store, key) {
	const group = store.find('groups', key, ['key', 'slug']);
	if (!group) throw notFound('group', key);
	return group;
}
