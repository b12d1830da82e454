// Issue 3 end to end: at least one workflow per resource, run by a real n8n against the emulator.
import { DEMO } from '../support/node';
import { chainSuite, chainWorkflow } from './support/workflows';

jest.setTimeout(240_000);

const locator = (value: string) => ({ __rl: true, mode: 'id', value });

const { emulator, n8n, run, output } = chainSuite(DEMO);

it('partnership: create, modify tags, get', async () => {
	const result = run('partnership flow', [
		{
			name: 'Create',
			parameters: {
				resource: 'partnership',
				operation: 'create',
				email: 'e2e@partner.example',
				additionalFields: { firstName: 'Eve', lastName: 'Two', partnerKey: 'eve2e', tags: 'new' },
			},
		},
		{
			name: 'Tags',
			parameters: {
				resource: 'partnership',
				operation: 'modifyTags',
				key: { __rl: true, mode: 'id', value: '={{ $json.partner_key }}' },
				tagsToAdd: 'onboarded, emea',
				tagsToRemove: 'new',
			},
		},
		{
			name: 'Get',
			parameters: { resource: 'partnership', operation: 'get', key: locator('eve2e') },
		},
	]);
	expect(output(result, 'Tags')[0].json.tags).toEqual(['onboarded', 'emea']);
	expect(output(result, 'Get')[0].json).toMatchObject({
		partner_key: 'eve2e',
		tags: ['onboarded', 'emea'],
		group_name: 'Default',
	});
});

it('customer: upsert creates then updates, and Get Many finds it', async () => {
	const upsert = {
		resource: 'customer',
		operation: 'upsert',
		customerKey: 'e2e-cust',
		partnerKey: 'ada',
		additionalFields: {},
	};
	const result = run('customer flow', [
		{ name: 'First', parameters: { ...upsert, email: 'first@cust.example' } },
		{ name: 'Second', parameters: { ...upsert, email: 'second@cust.example' } },
		{
			name: 'Find',
			parameters: {
				resource: 'customer',
				operation: 'getAll',
				returnAll: true,
				filters: { customerKey: 'e2e-cust' },
			},
		},
	]);
	expect(output(result, 'First')[0].json.upsertResult).toBe('created');
	expect(output(result, 'Second')[0].json).toMatchObject({
		upsertResult: 'updated',
		email: 'second@cust.example',
	});
	expect(output(result, 'Find').map((item) => item.json.email)).toEqual(['second@cust.example']);
});

it('deal: list attachments and download one as binary', async () => {
	const result = run('deal attachment flow', [
		{
			name: 'List',
			parameters: { resource: 'deal', operation: 'listAttachments', key: locator('deal_Globex') },
		},
		{
			name: 'Download',
			parameters: {
				resource: 'deal',
				operation: 'getAttachment',
				key: locator('deal_Globex'),
				fileKey: '={{ $json.key }}',
				binaryPropertyName: 'data',
			},
		},
	]);
	const [file] = output(result, 'Download');
	expect(file.json).toMatchObject({ file_name: 'rfp.txt', file_key: 'file_Rfp' });
	expect(file.binary!.data).toMatchObject({ fileName: 'rfp.txt', mimeType: 'text/plain' });
	expect(n8n.binaryContent(file.binary!.data).toString()).toBe('RFP: 500 seats');
});

it('deal won → convert to customer → first transaction entered in dollars', async () => {
	const result = run('deal to revenue flow', [
		{
			name: 'Won',
			parameters: {
				resource: 'deal',
				operation: 'update',
				key: locator('crm-globex'),
				groupKey: '',
				amountUnit: 'cents',
				updateFields: { stage: 'Closed Won' },
			},
		},
		{
			name: 'Convert',
			parameters: {
				resource: 'deal',
				operation: 'convert',
				key: { __rl: true, mode: 'id', value: '={{ $json.key }}' },
				email: 'it@globex.example',
				customerKey: 'globex',
			},
		},
		{
			name: 'Sale',
			parameters: {
				resource: 'transaction',
				operation: 'create',
				customerKeyType: 'customer_external_key',
				customerKey: '={{ $json.customer_key }}',
				amount: 1250.1,
				amountUnit: 'dollars',
				currency: 'USD',
				additionalFields: { key: 'globex-inv-1' },
			},
		},
		{
			name: 'Sales',
			parameters: {
				resource: 'transaction',
				operation: 'getAll',
				returnAll: true,
				filters: { customerKey: 'globex' },
			},
		},
	]);
	expect(output(result, 'Convert')[0].json).toMatchObject({
		customer_key: 'globex',
		partner_key: 'ada',
		source_type: 'deal',
	});
	expect(output(result, 'Sale')[0].json).toMatchObject({
		key: 'globex-inv-1',
		amount: 125010,
		currency: 'USD',
	});
	expect(output(result, 'Sales').map((item) => item.json.key)).toEqual(['globex-inv-1']);
});

it('lead: create, then convert', async () => {
	const result = run('lead flow', [
		{
			name: 'Lead',
			parameters: {
				resource: 'lead',
				operation: 'create',
				partnerKey: 'grace',
				externalKey: 'milton@initech.example',
				status: 'open',
				firstName: 'Milton',
				lastName: 'Waddams',
				amountUnit: 'cents',
				additionalFields: { email: 'milton@initech.example' },
			},
		},
		{
			name: 'Convert',
			parameters: {
				resource: 'lead',
				operation: 'convert',
				key: { __rl: true, mode: 'id', value: '={{ $json.key }}' },
				email: 'milton@initech.example',
				customerKey: 'milton',
			},
		},
	]);
	expect(output(result, 'Lead')[0].json).toMatchObject({ first_name: 'Milton', status: 'open' });
	expect(output(result, 'Convert')[0].json).toMatchObject({
		customer_key: 'milton',
		partner_key: 'grace',
		source_type: 'lead',
	});
});

it('reward, action and group', async () => {
	const result = run('reward action group flow', [
		{
			name: 'Groups',
			parameters: { resource: 'group', operation: 'getAll', returnAll: true, filters: {} },
		},
		{
			name: 'Reward',
			parameters: {
				resource: 'reward',
				operation: 'create',
				targetType: 'partnership',
				targetKey: 'ada',
				amount: 25,
				amountUnit: 'dollars',
				additionalFields: { description: 'Webinar bonus' },
			},
		},
		{
			name: 'Action',
			parameters: {
				resource: 'action',
				operation: 'create',
				targetType: 'partnership',
				targetKey: 'ada',
				type: 'webinar_attended',
				value: 1,
				additionalFields: {},
			},
		},
		{
			name: 'Actions',
			parameters: { resource: 'action', operation: 'getAll', returnAll: true, filters: {} },
		},
	]);
	expect(
		output(result, 'Groups')
			.map((item) => item.json.name)
			.sort(),
	).toEqual(['Affiliates', 'Default', 'Resellers']);
	expect(output(result, 'Reward')).toHaveLength(3);
	expect(output(result, 'Reward')[0].json).toMatchObject({
		amount: 2500,
		partner_key: 'ada',
		description: 'Webinar bonus',
	});
	// Get Many runs once per input item: three inputs, three actions recorded, so three times three.
	const actions = output(result, 'Actions');
	expect(actions).toHaveLength(9);
	expect(new Set(actions.map((item) => item.json.type))).toEqual(new Set(['webinar_attended']));
	expect(actions.map((item) => (item.pairedItem as { item: number }).item)).toEqual([
		0, 0, 0, 1, 1, 1, 2, 2, 2,
	]);
});

it('continueOnFail: one bad item among good ones gives one error item and the rest succeed', async () => {
	const result = run('continue on fail', [
		{
			name: 'Rows',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode:
					"return [{ json: { email: 'ok1@x.example', partner: 'ada' } }, { json: { email: 'bad@x.example', partner: 'ghost' } }, { json: { email: 'ok2@x.example', partner: 'grace' } }];",
			},
		},
		{
			name: 'Create',
			onError: 'continueRegularOutput',
			parameters: {
				resource: 'customer',
				operation: 'create',
				email: '={{ $json.email }}',
				partnerKey: '={{ $json.partner }}',
				customerKey: '',
				additionalFields: {},
			},
		},
	]);
	const items = output(result, 'Create');
	expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(items[0].json.email).toBe('ok1@x.example');
	expect(items[1].json).toMatchObject({ error: 'partner_key ghost not found' });
	expect(items[2].json.email).toBe('ok2@x.example');
	expect((await emulator.state('customers')).length).toBe(DEMO.customers.length + 2);
});

it("an API error stops the workflow with PartnerStack's message", async () => {
	const { id, workflow } = chainWorkflow('failing action', [
		{
			name: 'Action',
			parameters: {
				resource: 'action',
				operation: 'create',
				targetType: 'customer',
				targetKey: 'ghost',
				type: 'x',
				value: 1,
				additionalFields: {},
			},
		},
	]);
	n8n.importWorkflow(workflow);
	const result = n8n.execute(id);
	expect(result.code).not.toBe(0);
	expect(result.output).toMatch(/customer ghost not found/);
});
