// Seeding: a JSON document of groups, partners, customers, … in PartnerStack's own field names.
// Keys and timestamps are filled in when the document leaves them out.
import { CHOICES } from './choices.mjs';
import { groupSummary, slugify } from './resources/shared.mjs';

const KINDS = {
	groups: 'group',
	partnerships: 'partnership',
	customers: 'customer',
	transactions: 'transaction',
	rewards: 'reward',
	actions: 'action',
	deals: 'deal',
	leads: 'lead',
	formTemplates: 'formTemplate',
	stages: 'stage',
	webhooks: 'webhook',
	applications: 'application',
	dealFiles: 'file',
	tiers: 'tier',
};

/** Every program has a default group and the test partner `gstest`. */
export function seedBuiltIns(store) {
	const group = store.insert('groups', 'group', {
		name: 'Default',
		slug: 'default',
		archived: false,
		default: true,
		features: {
			application_enabled: true,
			deals_enabled: true,
			leads_enabled: true,
			disable_link_create: false,
		},
	});
	store.insert('partnerships', 'partnership', {
		partner_key: CHOICES.testPartnerKey,
		email: 'gstest@partnerstack.test',
		first_name: 'Test',
		last_name: 'Partner',
		group: groupSummary(group),
		tags: [],
		manager: null,
		team: null,
		fields: [],
		m_data: {},
		tier: null,
		claimed: true,
		joined_at: store.now(),
		archived: false,
		test: true,
	});
}

export function applySeed(store, document) {
	const groupsByKey = () => new Map(store.all('groups').map((group) => [group.key, group]));
	for (const [collection, kind] of Object.entries(KINDS)) {
		for (const fields of document[collection] ?? []) {
			const object = { archived: false, test: false, ...fields };
			if (collection === 'groups') {
				object.slug ??= slugify(object.name);
				object.default ??= false;
				object.features ??= {
					application_enabled: true,
					deals_enabled: true,
					leads_enabled: true,
					disable_link_create: false,
				};
			}
			if (collection === 'partnerships') {
				const group =
					groupsByKey().get(object.group_key ?? object.group?.key) ?? store.all('groups')[0];
				delete object.group_key;
				object.group = groupSummary(group);
				object.tags ??= [];
				object.fields ??= [];
				object.m_data ??= {};
				object.claimed ??= true;
			}
			if (collection === 'customers') {
				const partnership = store.find('partnerships', object.partner_key, ['partner_key']);
				object.partnership_key ??= partnership?.key ?? null;
				object.group ??= partnership?.group ?? null;
				object.meta ??= {};
				object.source_type ??= 'api';
				object.source_key ??= null;
				object.customer_key ??= null;
			}
			if (collection === 'applications') {
				const group =
					groupsByKey().get(object.group_key ?? object.group?.key) ?? store.all('groups')[0];
				delete object.group_key;
				object.group = groupSummary(group);
				object.group_name ??= group?.name ?? null;
				object.group_slug ??= group?.slug ?? null;
				object.content ??= {
					first_name: object.first_name ?? null,
					last_name: object.last_name ?? null,
					email: object.email,
					business_name: null,
				};
				object.approved ??= null;
				object.decline_reason ??= null;
				object.partner_key ??= null;
				object.partnership_key ??= null;
				object.meta ??= {};
			}
			store.insert(collection, kind, object);
		}
	}
}
