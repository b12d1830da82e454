/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import { DEMO, locator, runNode, runNodeError, startEmulator } from '../../support/node';

const emulator = startEmulator();
beforeEach(async () => {
	await emulator.reset(DEMO);
});

describe('deal', () => {
	it('create: a partner deal with stage, amount in dollars and a close date', async () => {
		const [item] = await runNode(emulator, {
			resource: 'deal',
			operation: 'create',
			source: 'partner',
			partnerKey: 'ada',
			groupKey: '',
			amountUnit: 'dollars',
			additionalFields: {
				accountName: 'Hooli',
				amount: 1234.5,
				closeDate: '2026-12-31T00:00:00.000Z',
				stage: 'New',
				externalKey: 'crm-hooli',
			},
		});
		expect(item.json).toMatchObject({
			account_name: 'Hooli',
			amount: 123450,
			close_date: '2026-12-31',
			stage: 'New',
			partner_key: 'ada',
			group_key: 'grup_Resellers00001',
		});
	});

	it('create: a vendor deal needs a group; a stage outside the group is refused by the API', async () => {
		expect(
			(
				await runNodeError(emulator, {
					resource: 'deal',
					operation: 'create',
					source: 'vendor',
					groupKey: '',
					amountUnit: 'cents',
					additionalFields: {},
				})
			).message,
		).toMatch(/needs a Group/);
		const error = await runNodeError(emulator, {
			resource: 'deal',
			operation: 'create',
			source: 'partner',
			partnerKey: 'ada',
			groupKey: '',
			amountUnit: 'cents',
			additionalFields: { stage: 'Imaginary' },
		});
		expect(error.message).toMatch(/not a deal stage of this group/);
	});

	it('get by external key, getAll, update the stage, delete', async () => {
		const [deal] = await runNode(emulator, {
			resource: 'deal',
			operation: 'get',
			key: locator('crm-globex'),
		});
		expect(deal.json).toMatchObject({ key: 'deal_Globex', stage: 'New' });
		const all = await runNode(emulator, {
			resource: 'deal',
			operation: 'getAll',
			returnAll: true,
			filters: { partnerKey: 'ada' },
		});
		expect(all.map((i) => i.json.key)).toEqual(['deal_Globex']);
		const [updated] = await runNode(emulator, {
			resource: 'deal',
			operation: 'update',
			key: locator('deal_Globex'),
			groupKey: '',
			amountUnit: 'cents',
			updateFields: { stage: 'Closed Won', amount: 250000 },
		});
		expect(updated.json).toMatchObject({ stage: 'Closed Won', amount: 250000 });
		const [deleted] = await runNode(emulator, {
			resource: 'deal',
			operation: 'delete',
			key: locator('deal_Globex'),
		});
		expect(deleted.json.deleted).toBe(true);
		expect(
			await runNode(emulator, {
				resource: 'deal',
				operation: 'getAll',
				returnAll: true,
				filters: {},
			}),
		).toEqual([]);
		expect(
			(
				await runNodeError(emulator, {
					resource: 'deal',
					operation: 'get',
					key: locator('deal_Nope'),
				})
			).httpCode,
		).toBe('404');
	});

	it('convert: the deal becomes a customer of its partner; twice is refused', async () => {
		const [customer] = await runNode(emulator, {
			resource: 'deal',
			operation: 'convert',
			key: locator('deal_Globex'),
			email: 'it@globex.example',
			customerKey: 'globex',
		});
		expect(customer.json).toMatchObject({
			customer_key: 'globex',
			partner_key: 'ada',
			source_type: 'deal',
			converted_from: { type: 'deal', key: 'deal_Globex' },
		});
		const again = await runNodeError(emulator, {
			resource: 'deal',
			operation: 'convert',
			key: locator('deal_Globex'),
			email: 'it@globex.example',
			customerKey: '',
		});
		expect(again.message).toMatch(/already been converted/);
	});

	it('listAttachments and getAttachment: the file as n8n binary', async () => {
		const files = await runNode(emulator, {
			resource: 'deal',
			operation: 'listAttachments',
			key: locator('deal_Globex'),
		});
		expect(files.map((f) => f.json)).toEqual([
			{ deal_key: 'deal_Globex', key: 'file_Rfp', name: 'rfp.txt', field_key: 'rfp' },
		]);
		const [file] = await runNode(emulator, {
			resource: 'deal',
			operation: 'getAttachment',
			key: locator('deal_Globex'),
			fileKey: 'file_Rfp',
			binaryPropertyName: 'document',
		});
		expect(file.json).toMatchObject({ file_name: 'rfp.txt', mime_type: 'text/plain', size: 14 });
		expect(Buffer.from(String(file.binary!.document.data), 'base64').toString()).toBe(
			'RFP: 500 seats',
		);
		const missing = await runNodeError(emulator, {
			resource: 'deal',
			operation: 'getAttachment',
			key: locator('deal_Globex'),
			fileKey: 'file_Nope',
			binaryPropertyName: 'data',
		});
		expect(missing.httpCode).toBe('404');
	});
});

describe('lead', () => {
	const create = {
		resource: 'lead',
		operation: 'create',
		partnerKey: 'grace',
		status: 'open',
		firstName: 'Bill',
		lastName: 'Lumbergh',
		amountUnit: 'cents',
	};

	it('create: names and form fields go to meta', async () => {
		const [lead] = await runNode(emulator, {
			...create,
			externalKey: 'bill@initech.example',
			additionalFields: {
				email: 'bill@initech.example',
				formFields: '{"company_size":"500"}',
				amount: 9900,
			},
		});
		expect(lead.json).toMatchObject({
			external_key: 'bill@initech.example',
			first_name: 'Bill',
			last_name: 'Lumbergh',
			email: 'bill@initech.example',
			amount: 9900,
			status: 'open',
		});
		const post = (await emulator.requests()).find((r) => r.method === 'POST');
		expect(post!.body).toMatchObject({
			meta: {
				company_size: '500',
				first_name: 'Bill',
				last_name: 'Lumbergh',
				email: 'bill@initech.example',
			},
		});
	});

	it('create: a duplicate external key is refused', async () => {
		expect(
			(
				await runNodeError(emulator, {
					...create,
					externalKey: 'peter@initech.example',
					additionalFields: {},
				})
			).message,
		).toBe('external_key peter@initech.example already exists');
	});

	it('get, getAll by status, update (approve), delete', async () => {
		const [lead] = await runNode(emulator, {
			resource: 'lead',
			operation: 'get',
			key: locator('peter@initech.example'),
		});
		expect(lead.json).toMatchObject({ key: 'lead_Initech', first_name: 'Peter' });
		expect(
			await runNode(emulator, {
				resource: 'lead',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'closed' },
			}),
		).toEqual([]);
		const [updated] = await runNode(emulator, {
			resource: 'lead',
			operation: 'update',
			key: locator('lead_Initech'),
			amountUnit: 'cents',
			updateFields: { status: 'closed', approved: true, lastName: 'G.' },
		});
		expect(updated.json).toMatchObject({
			status: 'closed',
			approved: true,
			first_name: 'Peter',
			last_name: 'G.',
		});
		await runNode(emulator, {
			resource: 'lead',
			operation: 'delete',
			key: locator('lead_Initech'),
		});
		expect((await emulator.state<{ archived: boolean }>('leads'))[0].archived).toBe(true);
		expect(
			(
				await runNodeError(emulator, {
					resource: 'lead',
					operation: 'update',
					key: locator('lead_Nope'),
					amountUnit: 'cents',
					updateFields: { status: 'dead' },
				})
			).httpCode,
		).toBe('404');
	});

	it('convert: the lead becomes a customer', async () => {
		const [customer] = await runNode(emulator, {
			resource: 'lead',
			operation: 'convert',
			key: locator('lead_Initech'),
			email: 'peter@initech.example',
			customerKey: 'initech',
		});
		expect(customer.json).toMatchObject({
			customer_key: 'initech',
			partner_key: 'grace',
			source_type: 'lead',
		});
		const bad = await runNodeError(emulator, {
			resource: 'lead',
			operation: 'convert',
			key: locator('lead_Initech2'),
			email: 'x@y.example',
			customerKey: '',
		});
		expect(bad.httpCode).toBe('404');
	});
});
