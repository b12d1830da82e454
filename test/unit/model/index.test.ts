/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code, not node code */
// The object model (nodes/PartnerStack/model/) is the one place a PartnerStack field is named: these tests hold
// every mapping to it — node parameters → body, Get Many filters → query, Simplify, the import's API v2 paths.
import { existsSync, readFileSync } from 'fs';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { join } from 'path';

import * as action from '../../../nodes/PartnerStack/actions/action';
import * as application from '../../../nodes/PartnerStack/actions/application';
import * as customer from '../../../nodes/PartnerStack/actions/customer';
import * as deal from '../../../nodes/PartnerStack/actions/deal';
import * as group from '../../../nodes/PartnerStack/actions/group';
import * as lead from '../../../nodes/PartnerStack/actions/lead';
import { leadMeta } from '../../../nodes/PartnerStack/actions/lead/fields';
import { toQuery } from '../../../nodes/PartnerStack/actions/operations';
import * as partnership from '../../../nodes/PartnerStack/actions/partnership';
import * as reward from '../../../nodes/PartnerStack/actions/reward';
import * as tier from '../../../nodes/PartnerStack/actions/tier';
import * as transaction from '../../../nodes/PartnerStack/actions/transaction';
import { API_FIELDS, toApiBody } from '../../../nodes/PartnerStack/helpers/fields';
import { SIMPLE_FIELDS, simplify } from '../../../nodes/PartnerStack/helpers/simplify';
import { SCHEMAS, v2PathsOf } from '../../../nodes/PartnerStack/import/schemas';
import type { ImportObjectType } from '../../../nodes/PartnerStack/import/schemas';
import type { FieldKind, ObjectName } from '../../../nodes/PartnerStack/model';
import {
	BODY_FIELDS,
	MODEL,
	OBJECT_NAMES,
	answerPathOf,
	answered,
	apiName,
	apiPath,
	bodyPathOf,
	fieldsOf,
	filtersOf,
	setAt,
} from '../../../nodes/PartnerStack/model';

const OPERATIONS: Record<ObjectName, Record<string, unknown>> = {
	action,
	application,
	customer,
	deal,
	group,
	lead,
	partnership,
	reward,
	tier,
	transaction,
};

const IMPORT_OBJECT: Record<ImportObjectType, ObjectName> = {
	partners: 'partnership',
	customers: 'customer',
	transactions: 'transaction',
	rewards: 'reward',
	deals: 'deal',
	leads: 'lead',
};

function operationProperties(object: ObjectName, operation: string): INodeProperties[] {
	const module = OPERATIONS[object][operation] as { description?: INodeProperties[] } | undefined;
	return module?.description ?? [];
}

/** The options of a collection parameter (`additionalFields`, `updateFields`, `filters`) of one operation. */
function collectionOptions(object: ObjectName, operation: string, collection: string): string[] {
	const property = operationProperties(object, operation).find((p) => p.name === collection);
	return ((property?.options ?? []) as INodeProperties[]).map((option) => option.name);
}

describe('node parameters → body fields', () => {
	it('each parameter names one body field and kind, the one every object that has it gives it', () => {
		for (const object of OBJECT_NAMES) {
			for (const field of fieldsOf(object)) {
				if (!field.param || field.inside) continue;
				expect([object, field.param, BODY_FIELDS[field.param]]).toEqual([
					object,
					field.param,
					{ api: field.api, kind: field.kind },
				]);
			}
		}
		expect(API_FIELDS).toBe(BODY_FIELDS);
	});

	// The operations' optional fields reach the body through toApiBody: each must be a parameter of its object.
	// `formFields` is not a field: the lead operations merge it into `meta` with the lead's person.
	it.each([
		['customer', 'create', 'additionalFields'],
		['customer', 'update', 'updateFields'],
		['customer', 'upsert', 'additionalFields'],
		['deal', 'create', 'additionalFields'],
		['deal', 'update', 'updateFields'],
		['deal', 'upsert', 'additionalFields'],
		['lead', 'create', 'additionalFields'],
		['lead', 'update', 'updateFields'],
		['partnership', 'create', 'additionalFields'],
		['partnership', 'update', 'updateFields'],
		['partnership', 'upsert', 'additionalFields'],
		['reward', 'create', 'additionalFields'],
		['transaction', 'create', 'additionalFields'],
		['action', 'create', 'additionalFields'],
	] as Array<[ObjectName, string, string]>)(
		'%s %s: every option of %s is a parameter of the model',
		(object, operation, collection) => {
			const params = new Set(fieldsOf(object).map((field) => field.param));
			const options = collectionOptions(object, operation, collection);
			expect(options.length).toBeGreaterThan(0);
			expect(options.filter((name) => name !== 'formFields' && !params.has(name))).toEqual([]);
		},
	);

	it('converts each value by the kind the model gives its field', () => {
		const sample: Record<FieldKind, [IDataObject[string], unknown]> = {
			text: ['  Ada  ', 'Ada'],
			email: [' ada@example.com ', 'ada@example.com'],
			enum: ['open', 'open'],
			cents: [12.34, 1234],
			epochMs: ['2024-03-01T00:00:00Z', Date.UTC(2024, 2, 1)],
			date: ['2024-03-01T10:00:00Z', '2024-03-01'],
			list: ['vip, emea,', ['vip', 'emea']],
			jsonObject: ['{"plan":"pro"}', { plan: 'pro' }],
			jsonList: ['[{"field_key":"seats","value":5}]', [{ field_key: 'seats', value: 5 }]],
			boolean: [true, true],
			integer: ['3', 3],
		};
		const kindsSeen = new Set<FieldKind>();
		for (const [param, { api, kind }] of Object.entries(BODY_FIELDS)) {
			const [given, sent] = sample[kind];
			expect([param, toApiBody({ [param]: given }, 'dollars', 'UTC')]).toEqual([
				param,
				{ [api]: sent },
			]);
			kindsSeen.add(kind);
		}
		// Every kind a parameter can have is exercised here.
		expect([...kindsSeen].sort()).toEqual(
			[
				'boolean',
				'cents',
				'date',
				'email',
				'enum',
				'epochMs',
				'integer',
				'jsonList',
				'jsonObject',
				'list',
				'text',
			].sort(),
		);
		expect(() => toApiBody({ value: '2.5' })).toThrow('"value" must be a whole number');
		expect(() => toApiBody({ notAField: 'x' })).toThrow('Unknown field "notAField"');
	});

	it("a lead's person goes into meta under the names the model gives them", () => {
		const values: IDataObject = {
			firstName: ' Ada ',
			lastName: 'Lovelace',
			email: 'ada@example.com',
			formFields: '{"seats":"5"}',
			status: 'open',
		};
		const inMeta = fieldsOf('lead').filter((field) => field.inside === 'meta' && field.param);
		expect(inMeta.map(bodyPathOf)).toEqual(['meta.first_name', 'meta.last_name', 'meta.email']);
		expect(leadMeta(values)).toEqual({
			seats: '5',
			first_name: 'Ada',
			last_name: 'Lovelace',
			email: 'ada@example.com',
		});
		// What is left goes through toApiBody: the person is not sent twice.
		expect(values).toEqual({ status: 'open' });
	});
});

describe('Get Many filters → query parameters', () => {
	it.each(OBJECT_NAMES)('%s: every filter the node offers is one of the model', (object) => {
		const offered = collectionOptions(object, 'getAll', 'filters');
		expect(offered).toEqual(expect.arrayContaining(['minCreated', 'maxCreated']));
		expect(offered.filter((name) => !(name in filtersOf(object)))).toEqual([]);
	});

	it('maps each filter to its field’s query parameter; date-time fields become epoch ms', () => {
		expect(
			toQuery(
				'action',
				{
					actionType: 'signup',
					partnershipKey: 'part_1',
					minCreated: '2024-03-01T00:00:00Z',
					maxUpdated: '2024-03-02T00:00:00Z',
					group: 'affiliates',
					partnerKey: '',
				},
				'UTC',
			),
		).toEqual({
			action_type: 'signup',
			partnership_key: 'part_1',
			min_created: Date.UTC(2024, 2, 1),
			max_updated: Date.UTC(2024, 2, 2),
			group: 'affiliates',
		});
		expect(toQuery('reward', { paymentStatus: 'paid', customerKey: 'acme' })).toEqual({
			payment_status: 'paid',
			customer_key: 'acme',
		});
	});

	it("an object's filters are its own: another object's filter is refused", () => {
		expect(() => toQuery('customer', { paymentStatus: 'paid' })).toThrow(
			'Unknown filter "paymentStatus"',
		);
		expect(() => toQuery('tier', { partnerKey: 'ada' })).toThrow('Unknown filter "partnerKey"');
	});
});

describe('Simplify', () => {
	it.each(OBJECT_NAMES)('%s: keeps the model fields marked simple, in order', (object) => {
		const simple = fieldsOf(object).filter((field) => field.simple);
		expect(simple.length).toBeGreaterThan(0);
		expect(SIMPLE_FIELDS[object]).toEqual(simple.map((field) => [field.api, answerPathOf(field)]));
	});

	it('reads each field where the object answers it and outputs it under its API name', () => {
		const answered = {
			key: 'part_1',
			partner_key: 'ada',
			group: { key: 'grup_1', name: 'Affiliates', slug: 'affiliates' },
			tier: { key: 'tier_Gold', name: 'Gold' },
			manager: { name: 'Pat', email: 'pat@vendor.example' },
			m_data: { left: 'out' },
		};
		expect(simplify('partnership', answered)).toEqual({
			key: 'part_1',
			partner_key: 'ada',
			group_key: 'grup_1',
			group_name: 'Affiliates',
			group_slug: 'affiliates',
			tier_key: 'tier_Gold',
			tier_name: 'Gold',
			manager_name: 'Pat',
			manager_email: 'pat@vendor.example',
		});
		expect(
			simplify('lead', { key: 'lead_1', meta: { first_name: 'Joe', email: 'joe@kirby.example' } }),
		).toEqual({ key: 'lead_1', first_name: 'Joe', email: 'joe@kirby.example' });
	});
});

describe("the editor's output schemas (generated by the build)", () => {
	const schemaDir = join(__dirname, '../../../dist/nodes/PartnerStack/__schema__/v1.0.0');
	const TYPE_OF_KIND: Record<FieldKind, string> = {
		text: 'string',
		email: 'string',
		enum: 'string',
		date: 'string',
		cents: 'number',
		epochMs: 'number',
		integer: 'number',
		boolean: 'boolean',
		list: 'array',
		jsonObject: 'object',
		jsonList: 'array',
	};

	it.each(OBJECT_NAMES)(
		'%s: Get Many announces each Simplify field with its kind’s type',
		(object) => {
			const file = join(schemaDir, object, 'getAll.json');
			expect(existsSync(file)).toBe(true);
			const schema = JSON.parse(readFileSync(file, 'utf8')) as {
				properties: Record<string, { type: string }>;
			};
			const simple = fieldsOf(object).filter((field) => field.simple);
			expect(Object.keys(schema.properties)).toEqual(simple.map((field) => field.api));
			for (const field of simple) {
				expect([field.api, schema.properties[field.api].type]).toEqual([
					field.api,
					TYPE_OF_KIND[field.kind],
				]);
			}
		},
	);
});

describe('import: the API v2 fields a column fills', () => {
	it.each(Object.keys(SCHEMAS) as ImportObjectType[])(
		'%s: every written column fills fields of its object’s model, within the model’s limits',
		(objectType) => {
			const object = IMPORT_OBJECT[objectType];
			const byPath = new Map(fieldsOf(object).map((field) => [bodyPathOf(field), field]));
			for (const column of SCHEMAS[objectType].fields) {
				for (const path of v2PathsOf(column)) {
					const field = byPath.get(path);
					expect([column.name, path, Boolean(field)]).toEqual([column.name, path, true]);
					// A column the importer accepts longer than PartnerStack takes would fail on write.
					if (field?.maxLength && column.maxLength)
						expect([column.name, column.maxLength <= field.maxLength]).toEqual([column.name, true]);
				}
			}
		},
	);

	it('names a field by the model, not by the column', () => {
		const status = SCHEMAS.rewards.fields.find((field) => field.name === 'status')!;
		expect(status.v2).toBe(MODEL.reward.status.api);
		expect(status.v2).toBe('reward_status');
		const email = SCHEMAS.leads.fields.find((field) => field.name === 'email')!;
		expect(email.v2).toEqual([MODEL.lead.externalKey.api, 'meta.email']);
	});
});

describe('names for code that assembles a body or reads an answer itself', () => {
	it('gives the flat name, the body path and the answer of a field inside or answered elsewhere', () => {
		expect(apiName('reward', 'targetKey')).toBe('key');
		expect(apiPath('reward', 'targetKey')).toBe('target.key');
		const body: IDataObject = { amount: 500 };
		setAt(body, apiPath('reward', 'targetType'), 'customer');
		setAt(body, apiPath('reward', 'targetKey'), 'c1');
		expect(JSON.stringify(body)).toBe('{"amount":500,"target":{"type":"customer","key":"c1"}}');
		const reward = { partnership: { partner_key: 'p1' }, partner_key: 'not read' };
		expect(answered(reward, 'reward', 'partnerKey')).toBe('p1');
		expect(answered({ group: { key: 'g1' } }, 'partnership', 'groupKey')).toBe('g1');
		expect(answered(undefined, 'customer', 'partnerKey')).toBeUndefined();
	});
});
