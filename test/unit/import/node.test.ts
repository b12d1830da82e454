// The import node's item: summary fields from docs/stable-names.md, the audit trail, continueOnFail.
import { credentialsFor, runOnEngine } from '../../support/engine';
import { KEYS } from '../../support/emulator';
import { DEMO, runImportNode, emulatorWith } from '../../support/node';

const emulator = emulatorWith(DEMO);

it('answers the contract summary, the audit trail and a report CSV', async () => {
	const { json, item, header, rows } = await runImportNode(
		emulator,
		'customer_key,email,partner_key\nc1,a@b.co,ada\n\nc2,bad,ada\n',
		{ objectType: 'customers' },
	);
	expect(Object.keys(json).sort()).toEqual(
		[
			'audit',
			'blankRows',
			'failed',
			'finishedAt',
			'imported',
			'mode',
			'objectType',
			'skipped',
			'startedAt',
			'total',
			'warnings',
		].sort(),
	);
	expect(json).toMatchObject({
		objectType: 'customers',
		mode: 'validate',
		total: 2,
		imported: 1,
		skipped: 1,
		failed: 0,
		blankRows: 1,
		warnings: [],
	});
	expect(json.audit).toEqual({
		workflowId: 'wf-test',
		workflowName: 'Unit test workflow',
		executionId: 'exec-test',
		executionMode: 'trigger',
		userId: null,
		node: 'PartnerStack',
		file: 'upload.csv',
	});
	expect(Date.parse(String(json.finishedAt))).toBeGreaterThanOrEqual(
		Date.parse(String(json.startedAt)),
	);
	expect(item.binary!.report).toMatchObject({
		fileName: 'customers-import-report.csv',
		mimeType: 'text/csv',
	});
	expect(header).toEqual(['row', 'status', 'reason', 'customer_key', 'email', 'partner_key']);
	expect(rows).toEqual([
		{ row: 2, status: 'valid', reason: '', cells: ['c1', 'a@b.co', 'ada'] },
		{
			row: 4,
			status: 'skipped',
			reason: 'email is not a valid email ("bad")',
			cells: ['c2', 'bad', 'ada'],
		},
	]);
	expect(item.pairedItem).toEqual({ item: 0 });
});

it('stops on a header error before any write, and with continueOnFail answers { error } and writes nothing', async () => {
	await emulator.clearRequests();
	await expect(
		runImportNode(emulator, 'customer_key,email\nc1,a@b.co\n', {
			objectType: 'customers',
			mode: 'rowByRow',
		}),
	).rejects.toThrow(/missing required header: partner_key/);
	const { json } = await runImportNode(
		emulator,
		'customer_key,email\nc1,a@b.co\n',
		{ objectType: 'customers', mode: 'rowByRow' },
		{ continueOnFail: true },
	);
	expect(json).toEqual({ error: expect.stringMatching(/missing required header: partner_key/) });
	expect((await emulator.requests()).filter((r) => r.method !== 'GET')).toEqual([]);
});

it('the audit trail names the n8n user when n8n gives the run one', async () => {
	const data = Buffer.from('customer_key,email,partner_key\nc1,a@b.co,ada\n').toString('base64');
	const {
		items: [item],
	} = await runOnEngine({
		node: 'PartnerStackImport',
		credentials: credentialsFor(emulator.url, KEYS.production),
		parameters: {
			operation: 'import',
			objectType: 'customers',
			mode: 'validate',
			binaryPropertyName: 'data',
			options: {},
		},
		items: [{ json: {}, binary: { data: { data, mimeType: 'text/csv', fileName: 'u.csv' } } }],
		mode: 'manual',
		userId: 'user-42',
	});
	expect(item.json.audit).toMatchObject({ executionMode: 'manual', userId: 'user-42' });
});

it('a missing binary property is a clear error', async () => {
	const run = runOnEngine({
		node: 'PartnerStackImport',
		credentials: credentialsFor(emulator.url, KEYS.production),
		parameters: {
			operation: 'import',
			objectType: 'customers',
			mode: 'validate',
			binaryPropertyName: 'file',
			options: {},
		},
		items: [{ json: {} }],
	});
	await expect(
		run.then(({ error }) => Promise.reject(error ?? new Error('expected the node to fail'))),
	).rejects.toThrow(/binary file 'file'/);
});
