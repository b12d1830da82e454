/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { EmulatorProcess, KEYS } from './emulator';
import { credentialsFor, loadOptionsContext, runOnEngine, type EngineRunOptions } from './engine';

export type RunOptions = Partial<Omit<EngineRunOptions, 'node' | 'parameters'>> & {
	keys?: typeof KEYS.production;
	sandbox?: boolean;
};

export const locator = (value: string) => ({ __rl: true, mode: 'id', value });

/** Runs the PartnerStack node on n8n's engine (test/support/engine.ts) against the emulator; throws what n8n recorded on failure. */
export async function runNode(
	emulator: EmulatorProcess,
	parameters: IDataObject,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const { error, items } = await runOnEngine({
		credentials: credentialsFor(
			emulator.url,
			options.keys ?? KEYS.production,
			options.sandbox ?? false,
		),
		...options,
		node: 'PartnerStack',
		parameters,
	});
	if (error) throw error;
	return items;
}

/** The node error as n8n recorded it for the run (message, description, httpCode, context). */
export async function runNodeError(
	emulator: EmulatorProcess,
	parameters: IDataObject,
	options: RunOptions = {},
) {
	const { error } = await runOnEngine({
		credentials: credentialsFor(
			emulator.url,
			options.keys ?? KEYS.production,
			options.sandbox ?? false,
		),
		...options,
		node: 'PartnerStack',
		parameters,
	});
	if (!error) throw new Error('expected the node to fail');
	return error;
}

export function startEmulator() {
	const emulator = new EmulatorProcess();
	beforeAll(async () => {
		await emulator.start();
	});
	afterAll(async () => {
		await emulator.stop();
	});
	return emulator;
}

/** One emulator for the test file, reset to `seed` (none: an empty account) before each test. */
export function emulatorWith(seed?: unknown) {
	const emulator = startEmulator();
	beforeEach(async () => {
		await emulator.reset(seed);
	});
	return emulator;
}

/** What a picker (loadOptions, listSearch) runs in: n8n's load-options context with the production keys. */
export function pickerContextOn(emulator: EmulatorProcess) {
	return (parameters: IDataObject = {}) =>
		loadOptionsContext({
			credentials: credentialsFor(emulator.url, KEYS.production),
			parameters,
		}) as never;
}

/** Two tiers, the keys the demo program's seed uses: for tests that import or set `partner_tier`. */
export const DEMO_TIERS = [
	{ key: 'tier_Silver00000001', name: 'Silver' },
	{ key: 'tier_Gold0000000001', name: 'Gold' },
];

export const DEMO = {
	groups: [
		{ key: 'grup_Resellers00001', name: 'Resellers' },
		{ key: 'grup_Affiliates0001', name: 'Affiliates' },
	],
	stages: [
		{
			key: 'stge_New',
			name: 'New',
			position: 1,
			object_type: 'deal',
			group_key: 'grup_Resellers00001',
		},
		{
			key: 'stge_Won',
			name: 'Closed Won',
			position: 2,
			object_type: 'deal',
			group_key: 'grup_Resellers00001',
		},
	],
	formTemplates: [
		{
			key: 'mold_Deal',
			name: 'Reseller deal',
			type: 'deal',
			groups: ['grup_Resellers00001'],
			fields: [],
		},
		{
			key: 'mold_Appl',
			name: 'Reseller application',
			type: 'application',
			groups: ['grup_Resellers00001'],
			fields: [],
		},
	],
	partnerships: [
		{
			key: 'part_Ada',
			partner_key: 'ada',
			email: 'ada@example.com',
			first_name: 'Ada',
			last_name: 'Lovelace',
			group_key: 'grup_Resellers00001',
			tags: ['gold'],
		},
		{
			key: 'part_Grace',
			partner_key: 'grace',
			email: 'grace@example.com',
			first_name: 'Grace',
			last_name: 'Hopper',
			group_key: 'grup_Affiliates0001',
		},
	],
	customers: [
		{
			key: 'cust_Acme',
			customer_key: 'acme',
			email: 'billing@acme.example',
			name: 'Acme',
			partner_key: 'ada',
		},
	],
	deals: [
		{
			key: 'deal_Globex',
			external_key: 'crm-globex',
			partner_key: 'ada',
			group_key: 'grup_Resellers00001',
			source: 'partner',
			account_name: 'Globex',
			amount: 100000,
			stage: 'New',
		},
	],
	dealFiles: [
		{
			key: 'file_Rfp',
			deal_key: 'deal_Globex',
			name: 'rfp.txt',
			field_key: 'rfp',
			mime_type: 'text/plain',
			content_base64: Buffer.from('RFP: 500 seats').toString('base64'),
		},
	],
	leads: [
		{
			key: 'lead_Initech',
			external_key: 'peter@initech.example',
			partner_key: 'grace',
			status: 'open',
			meta: { first_name: 'Peter', last_name: 'Gibbons' },
			group_key: 'grup_Affiliates0001',
		},
	],
};

/** Runs the PartnerStack Import node on a CSV text; answers the summary and the report's rows. */
export async function runImportNode(
	emulator: EmulatorProcess,
	csv: string | Buffer,
	parameters: IDataObject,
	options: RunOptions = {},
) {
	const { transform } = await import('../../nodes/PartnerStack/vendor/csvParse');
	const data = (Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8')).toString('base64');
	const { error, items, workflow } = await runOnEngine({
		credentials: credentialsFor(
			emulator.url,
			options.keys ?? KEYS.production,
			options.sandbox ?? false,
		),
		items: [{ json: {}, binary: { data: { data, mimeType: 'text/csv', fileName: 'upload.csv' } } }],
		...options,
		node: 'PartnerStackImport',
		parameters: {
			operation: 'import',
			mode: 'validate',
			binaryPropertyName: 'data',
			options: {},
			...parameters,
		},
	});
	if (error) throw error;
	const [item] = items;
	const report: string[][] = [];
	if (item.binary?.report) {
		const parser = transform({ relax_column_count: true });
		const push = (record: unknown) => report.push(record as string[]);
		parser.parse(Buffer.from(String(item.binary.report.data), 'base64'), false, push, () => {});
		parser.parse(undefined, true, push, () => {});
	}
	const rows = report
		.slice(1)
		.map(([row, status, reason, ...cells]) => ({ row: Number(row), status, reason, cells }));
	return { item, json: item.json, header: report[0], rows, workflow };
}
