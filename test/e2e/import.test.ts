/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// Issue 5 end to end: a workflow reads a CSV file from disk into binary and imports it, in a real n8n.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EmulatorProcess, KEYS } from '../support/emulator';
import { DEMO } from '../support/node';
import { N8nInstance } from './support/n8n';
import { chainWorkflow, credential } from './support/workflows';

jest.setTimeout(240_000);

const emulator = new EmulatorProcess();
const n8n = new N8nInstance();
const files = mkdtempSync(join(tmpdir(), 'ps-import-files-'));

beforeAll(async () => {
	await emulator.start();
	await emulator.reset(DEMO);
	n8n.importCredentials([credential(emulator.url, KEYS.production)]);
});
afterAll(async () => {
	await emulator.stop();
	n8n.remove();
	rmSync(files, { recursive: true, force: true });
});

function importWorkflow(name: string, path: string, parameters: Record<string, unknown>) {
	const run = runImportWorkflow(name, path, parameters);
	if (run.status !== 'success')
		throw new Error(`import workflow failed:\n${run.output.slice(0, 4000)}`);
	return run.runData.Import[0].data!.main[0][0];
}

function runImportWorkflow(name: string, path: string, parameters: Record<string, unknown>) {
	const { id, workflow } = chainWorkflow(name, [
		{
			name: 'Read CSV',
			type: 'n8n-nodes-base.readWriteFile',
			typeVersion: 1,
			parameters: { operation: 'read', fileSelector: path, options: {} },
		},
		{
			name: 'Import',
			type: 'n8n-nodes-partnerstack.partnerStackImport',
			parameters: { operation: 'import', binaryPropertyName: 'data', options: {}, ...parameters },
		},
	]);
	n8n.importWorkflow(workflow);
	return n8n.execute(id);
}

function reportRows(item: { binary?: Record<string, { data: string }> }) {
	return n8n
		.binaryContent(item.binary!.report)
		.toString('utf8')
		.trim()
		.split('\r\n')
		.map((line) => line.split(','));
}

it('validates, then imports row by row, then a re-run duplicates nothing', async () => {
	const path = join(files, 'customers.csv');
	writeFileSync(
		path,
		'customer_key,email,partner_key,name\ne2e-1,one@e2e.example,ada,One\ne2e-2,two@e2e.example,grace,Two\ne2e-3,not-an-email,ada,Three\n\ne2e-4,four@e2e.example,nobody,Four\n',
	);

	const dryRun = importWorkflow('import dry run', path, {
		objectType: 'customers',
		mode: 'validate',
	});
	expect(dryRun.json).toMatchObject({
		objectType: 'customers',
		mode: 'validate',
		total: 4,
		imported: 3,
		skipped: 1,
		failed: 0,
		blankRows: 1,
	});
	expect(await emulator.state('customers')).toHaveLength(DEMO.customers.length);

	const imported = importWorkflow('import row by row', path, {
		objectType: 'customers',
		mode: 'rowByRow',
	});
	expect(imported.json).toMatchObject({
		mode: 'rowByRow',
		total: 4,
		imported: 2,
		skipped: 2,
		failed: 0,
	});
	expect(imported.json.audit).toMatchObject({
		workflowId: expect.any(String),
		executionId: expect.any(String),
		file: 'customers.csv',
	});
	const rows = reportRows(imported);
	expect(rows[0]).toEqual([
		'row',
		'status',
		'reason',
		'customer_key',
		'email',
		'partner_key',
		'name',
	]);
	expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
		['2', 'imported'],
		['3', 'imported'],
		['4', 'skipped'],
		['6', 'skipped'],
	]);
	expect(rows[4][2]).toBe('partner nobody not found');
	expect(await emulator.state('customers')).toHaveLength(DEMO.customers.length + 2);

	const again = importWorkflow('import re-run', path, {
		objectType: 'customers',
		mode: 'rowByRow',
	});
	expect(again.json).toMatchObject({ imported: 2, skipped: 2, failed: 0 });
	expect(await emulator.state('customers')).toHaveLength(DEMO.customers.length + 2);
});

it('uploads valid transaction rows in bulk', async () => {
	const path = join(files, 'transactions.csv');
	writeFileSync(
		path,
		'customer_key,amount_in_dollars,currency,key\nacme,99.99,USD,e2e-bulk-1\nacme,12.345,USD,e2e-bulk-2\n',
	);
	const item = importWorkflow('import bulk', path, { objectType: 'transactions', mode: 'bulk' });
	expect(item.json).toMatchObject({ mode: 'bulk', total: 2, imported: 1, skipped: 1 });
	const { imports } = await emulator.admin<{ imports: Array<{ type: string; rows: number }> }>(
		'GET',
		'/imports',
	);
	expect(imports.at(-1)).toMatchObject({ type: 'transactions', rows: 1 });
});

it('row by row stops before writing a column API v2 cannot carry; with Unwritable Columns = skip the warnings name it', async () => {
	const path = join(files, 'partners.csv');
	writeFileSync(
		path,
		'partner_first,partner_last,partner_email,partner_key,partner_tier,partner_phone_number\nE2e,Partner,e2e.partner@example.com,e2e-partner,Gold,+1 555 0199\n',
	);
	await emulator.seed({ tiers: [{ key: 'tier_Gold0000000001', name: 'Gold' }] });
	const before = (await emulator.state('partnerships')).length;

	const stopped = runImportWorkflow('import partners stop', path, {
		objectType: 'partners',
		mode: 'rowByRow',
	});
	expect(stopped.status).not.toBe('success');
	expect(stopped.output).toContain(
		'Row by Row cannot write this column, which has values: partner_phone_number',
	);
	expect(await emulator.state('partnerships')).toHaveLength(before);

	const skipped = importWorkflow('import partners skip', path, {
		objectType: 'partners',
		mode: 'rowByRow',
		options: { unwritableColumns: 'skip' },
	});
	expect(skipped.json).toMatchObject({
		mode: 'rowByRow',
		total: 1,
		imported: 1,
		skipped: 0,
		failed: 0,
		warnings: [
			'column partner_phone_number (API v2 has no field for it) not written: Unwritable Columns is set to skip',
		],
	});
	const created = (
		await emulator.state<{ partner_key: string; tier: { key: string } | null }>('partnerships')
	).find((p) => p.partner_key === 'e2e-partner');
	expect(created?.tier?.key).toBe('tier_Gold0000000001');
});
