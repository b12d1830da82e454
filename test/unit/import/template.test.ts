// The template CSV (import/template.ts): every column of an object type's schema and an example row that passes.
import { SCHEMAS } from '../../../nodes/PartnerStack/import/schemas';
import { templateCsv } from '../../../nodes/PartnerStack/import/template';
import { credentialsFor, runOnEngine } from '../../support/engine';
import { KEYS } from '../../support/emulator';
import { DEMO, runImportNode, emulatorWith } from '../../support/node';

const emulator = emulatorWith(DEMO);

it('produces a template CSV per object type from its schema', async () => {
	for (const objectType of Object.keys(SCHEMAS) as Array<keyof typeof SCHEMAS>) {
		const [header, example] = templateCsv(objectType).toString().trim().split('\r\n');
		// Every column the guide lists, both columns of a one-of pair included, in the schema's order.
		expect(header.split(',')).toEqual(SCHEMAS[objectType].fields.map((f) => f.name));
		expect(example.length).toBeGreaterThan(0);
	}
	// The example row passes the rules: a dry run of each template answers valid.
	for (const objectType of ['partners', 'customers', 'transactions', 'rewards'] as const) {
		const { rows } = await runImportNode(emulator, templateCsv(objectType), { objectType });
		expect([objectType, rows.map((r) => [r.status, r.reason])]).toEqual([
			objectType,
			[['valid', '']],
		]);
	}
	const {
		items: [item],
	} = await runOnEngine({
		node: 'PartnerStackImport',
		credentials: credentialsFor(emulator.url, KEYS.production),
		parameters: { operation: 'getTemplate', objectType: 'transactions' },
	});
	expect(Buffer.from(String(item.binary!.template.data), 'base64').toString()).toBe(
		'customer_key,amount_in_cents,amount_in_dollars,created_at,currency,key,product_key\r\ncustomer_123,40000,,2020-12-25,USD,transaction_123,product_123\r\n',
	);
});
