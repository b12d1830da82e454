/* eslint-disable @typescript-eslint/no-require-imports -- the schema generator is the build's CommonJS script */
import type { IDataObject } from 'n8n-workflow';

import * as simplifyTables from '../../../nodes/PartnerStack/helpers/simplify';
import { DEMO, locator, runNode, startEmulator } from '../../support/node';

const { outputFields } = require('../../../scripts/output-schemas.js') as {
	outputFields: (tables: typeof simplifyTables, resource: string, operation: string) => string[];
};

const emulator = startEmulator();

const SEED = {
	...DEMO,
	tiers: [{ key: 'tier_Gold', name: 'Gold' }],
	partnerships: DEMO.partnerships.map((p) =>
		p.partner_key === 'ada'
			? {
					...p,
					tier: { key: 'tier_Gold', name: 'Gold' },
					team: { key: 'stck_Ada', name: 'Ada Ltd' },
					manager: { name: 'Pat Manager', email: 'pat@vendor.example' },
				}
			: p,
	),
	customers: DEMO.customers.map((c) => ({ ...c, source_type: 'deal', source_key: 'deal_Globex' })),
	deals: DEMO.deals.map((d) => ({
		...d,
		stage: 'Closed Won',
		lost_reason: 'Budget',
		fields: [{ field_key: 'seats', value: 500 }],
	})),
	leads: DEMO.leads.map((l) => ({ ...l, fields: [{ field_key: 'region', value: 'EMEA' }] })),
	transactions: [
		{
			key: 'tx-1',
			amount: 1000,
			currency: 'EUR',
			amount_usd: 1080,
			category_key: 'subscription',
			customer: { key: 'cust_Acme', external_key: 'acme', email: 'billing@acme.example' },
		},
	],
};

beforeEach(async () => {
	await emulator.reset(SEED);
});

/** Every field an output carries is one the editor's schema announces (and the announced ones are there). */
function expectSchemaOf(resource: string, operation: string, json: IDataObject) {
	const announced = outputFields(simplifyTables, resource, operation);
	expect(Object.keys(json).filter((name) => !announced.includes(name))).toEqual([]);
	return announced;
}

describe('Simplify keeps what Workato shows', () => {
	it('partnership: tier, team, manager name and email', async () => {
		const [item] = await runNode(emulator, {
			resource: 'partnership',
			operation: 'get',
			key: locator('ada'),
		});
		expect(item.json).toMatchObject({
			tier_key: 'tier_Gold',
			tier_name: 'Gold',
			team_key: 'stck_Ada',
			team_name: 'Ada Ltd',
			manager_name: 'Pat Manager',
			manager_email: 'pat@vendor.example',
			group_slug: 'resellers',
		});
		expectSchemaOf('partnership', 'get', item.json);
	});

	it('deal: lost reason and custom fields', async () => {
		const [item] = await runNode(emulator, {
			resource: 'deal',
			operation: 'get',
			key: locator('crm-globex'),
		});
		expect(item.json).toMatchObject({
			lost_reason: 'Budget',
			fields: [{ field_key: 'seats', value: 500 }],
		});
		expectSchemaOf('deal', 'get', item.json);
	});

	it('customer: source type and key', async () => {
		const [item] = await runNode(emulator, {
			resource: 'customer',
			operation: 'get',
			key: locator('acme'),
		});
		expect(item.json).toMatchObject({ source_type: 'deal', source_key: 'deal_Globex' });
		expectSchemaOf('customer', 'get', item.json);
	});

	it('transaction: updated at, amount in USD, category key', async () => {
		const [item] = await runNode(emulator, {
			resource: 'transaction',
			operation: 'getAll',
			returnAll: true,
			filters: {},
		});
		expect(item.json).toMatchObject({
			amount_usd: 1080,
			category_key: 'subscription',
			updated_at: expect.any(Number),
		});
		expectSchemaOf('transaction', 'getAll', item.json);
	});

	it('lead: custom fields', async () => {
		const [item] = await runNode(emulator, {
			resource: 'lead',
			operation: 'get',
			key: locator('lead_Initech'),
		});
		expect(item.json).toMatchObject({ fields: [{ field_key: 'region', value: 'EMEA' }] });
		expectSchemaOf('lead', 'get', item.json);
	});
});

describe('output schemas name what the operations return', () => {
	it('listAttachments', async () => {
		const [listed] = await runNode(emulator, {
			resource: 'deal',
			operation: 'listAttachments',
			key: locator('deal_Globex'),
		});
		expect(expectSchemaOf('deal', 'listAttachments', listed.json)).toEqual(
			Object.keys(listed.json),
		);
	});

	it('getAttachment', async () => {
		const [file] = await runNode(emulator, {
			resource: 'deal',
			operation: 'getAttachment',
			key: locator('deal_Globex'),
			fileKey: 'file_Rfp',
			binaryPropertyName: 'data',
		});
		expect(expectSchemaOf('deal', 'getAttachment', file.json)).toEqual(Object.keys(file.json));
	});

	it('a delete answers the archived record the API returns, then deleted and the message', async () => {
		const [item] = await runNode(emulator, {
			resource: 'lead',
			operation: 'delete',
			key: locator('lead_Initech'),
		});
		expect(item.json).toMatchObject({
			key: 'lead_Initech',
			external_key: 'peter@initech.example',
			archived: true,
			deleted: true,
			message: 'Lead archived',
		});
		expectSchemaOf('lead', 'delete', item.json);
	});

	it('a delete with Simplify off answers the whole archived record', async () => {
		const [raw] = await runNode(emulator, {
			resource: 'deal',
			operation: 'delete',
			key: locator('deal_Globex'),
			simplify: false,
		});
		expect(raw.json).toMatchObject({
			key: 'deal_Globex',
			source: 'partner',
			external_key: 'crm-globex',
			archived: true,
			deleted: true,
		});
	});

	it('a delete the API answers without a record keeps the key given', async () => {
		const [item] = await runNode(emulator, {
			resource: 'transaction',
			operation: 'delete',
			key: locator('tx-1'),
		});
		expect(item.json).toEqual({ key: 'tx-1', deleted: true, message: expect.any(String) });
	});
});
