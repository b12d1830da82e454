import type {
	IBinaryData,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import {
	BINARY_ENCODING,
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
} from 'n8n-workflow';

import { getGroups } from './methods/loadOptions';
import { runImport } from './import/engine';
import type { ImportObjectType } from './import/schemas';
import { readImportSettings } from './import/settings';
import { HeaderError } from './import/stages/header';
import { CsvFileError } from './import/stages/read';
import { UnwritableColumnsError } from './import/stages/write';
import { templateCsv } from './import/template';

const CHUNK_BYTES = 256 * 1024;

function* slices(buffer: Buffer): Iterable<Buffer> {
	for (let offset = 0; offset < buffer.length; offset += CHUNK_BYTES)
		yield buffer.subarray(offset, offset + CHUNK_BYTES);
}

export class PartnerStackImport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PartnerStack Import',
		name: 'partnerStackImport',
		icon: {
			light: 'file:../../icons/partnerstack.svg',
			dark: 'file:../../icons/partnerstack.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle:
			'={{$parameter["operation"] === "getTemplate" ? "template: " + $parameter["objectType"] : $parameter["mode"] + ": " + $parameter["objectType"]}}',
		description:
			'Validate a CSV with the PartnerStack Data Importer rules, report every row, and import it',
		defaults: { name: 'PartnerStack Import' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'partnerStackApi', required: true }],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				default: 'import',
				options: [
					{
						name: 'Import CSV',
						value: 'import',
						description: 'Validate and import a CSV file',
						action: 'Import a CSV file',
					},
					{
						name: 'Get Template',
						value: 'getTemplate',
						description: 'Produce the template CSV of an object type',
						action: 'Get a template CSV',
					},
				],
			},
			{
				displayName: 'Object Type',
				name: 'objectType',
				type: 'options',
				noDataExpression: true,
				default: 'customers',
				options: [
					{ name: 'Customers', value: 'customers' },
					{ name: 'Deals', value: 'deals' },
					{ name: 'Leads', value: 'leads' },
					{ name: 'Partners', value: 'partners' },
					{ name: 'Rewards', value: 'rewards' },
					{ name: 'Transactions', value: 'transactions' },
				],
			},
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				default: 'validate',
				displayOptions: { show: { operation: ['import'] } },
				options: [
					{
						name: 'Validate Only (Dry Run)',
						value: 'validate',
						description: 'Check every row; write nothing',
					},
					{
						name: 'Row by Row (API V2)',
						value: 'rowByRow',
						description: 'Write each valid row through the API, with a result per row',
					},
					{
						name: 'Bulk (Data Import API)',
						value: 'bulk',
						description: "Upload the valid rows as one CSV to PartnerStack's Data Import API",
					},
				],
			},
			{
				displayName: 'Input Binary Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				required: true,
				displayOptions: { show: { operation: ['import'] } },
				hint: 'The name of the input binary field holding the CSV file',
			},
			{
				displayName: 'Group Name or ID',
				name: 'groupKey',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getGroups' },
				default: '',
				required: true,
				displayOptions: { show: { operation: ['import'], objectType: ['deals', 'leads'] } },
				description:
					'Deals and leads are imported into one group at a time. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { operation: ['import'] } },
				options: [
					{
						displayName: 'Check References',
						name: 'checkReferences',
						type: 'boolean',
						default: false,
						description:
							'Whether a dry run also looks up partners and customers in PartnerStack (writing modes always do)',
					},
					{
						displayName: 'Concurrent Requests',
						name: 'concurrency',
						type: 'number',
						default: 8,
						typeOptions: { minValue: 1, maxValue: 32 },
						description: 'How many rows are written at once',
					},
					{
						displayName: 'Delimiter',
						name: 'delimiter',
						type: 'options',
						default: ',',
						options: [
							{ name: 'Auto-Detect', value: 'auto' },
							{ name: 'Comma', value: ',' },
							{ name: 'Pipe', value: '|' },
							{ name: 'Semicolon', value: ';' },
							{ name: 'Tab', value: '\t' },
						],
					},
					{
						displayName: 'Ignore Unknown Columns',
						name: 'ignoreUnknownColumns',
						type: 'boolean',
						default: false,
						description:
							'Whether unknown columns are reported as warnings instead of stopping the import',
					},
					{
						displayName: 'Rate Limit Wait (Seconds)',
						name: 'rateLimitWaitSeconds',
						type: 'number',
						default: 120,
						typeOptions: { minValue: 1 },
						description:
							'How long a request PartnerStack keeps answering 429 (Too Many Requests) is retried before its row fails',
					},
					{
						displayName: 'Requests per Minute',
						name: 'requestsPerMinute',
						type: 'number',
						default: 4000,
						typeOptions: { minValue: 1 },
						description:
							"Ceiling for this run's pace. The node starts at 4 000 a minute (PartnerStack's usual limit; it is not documented) or at this value if lower, slows down by itself when PartnerStack answers 429 and speeds up again while it does not.",
					},
					{
						displayName: 'Send Invite Emails',
						name: 'sendInviteEmails',
						type: 'boolean',
						default: false,
						description:
							'Whether imported partners get an email to claim their account (leave off until partners may log in)',
					},
					{
						displayName: 'Unwritable Columns',
						name: 'unwritableColumns',
						type: 'options',
						default: 'stop',
						options: [
							{
								name: 'Skip Them',
								value: 'skip',
								description:
									'Import the other columns; the summary warns about each skipped column',
							},
							{
								name: 'Stop Before Writing',
								value: 'stop',
								description: 'Write nothing and name each such column (Bulk mode writes them)',
							},
						],
						description:
							'Row by Row: what to do with a column that has values but no API v2 field to carry it (e.g. partner_phone_number)',
					},
				],
			},
		],
	};

	methods = { loadOptions: { getGroups } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				returnData.push(await importItem.call(this, itemIndex));
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({
						json: { error: (error as Error).message },
						pairedItem: { item: itemIndex },
					});
					continue;
				}
				if (error instanceof NodeApiError)
					throw new NodeApiError(this.getNode(), error as never, { itemIndex });
				throw new NodeOperationError(this.getNode(), error as Error, {
					itemIndex,
					description:
						error instanceof HeaderError ||
						error instanceof CsvFileError ||
						error instanceof UnwritableColumnsError
							? 'Nothing was written.'
							: undefined,
				});
			}
		}
		return [returnData];
	}
}

async function importItem(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData> {
	const operation = this.getNodeParameter('operation', itemIndex, 'import') as string;
	if (operation === 'getTemplate') {
		const objectType = this.getNodeParameter('objectType', itemIndex) as ImportObjectType;
		const template = await this.helpers.prepareBinaryData(
			templateCsv(objectType),
			`${objectType}-template.csv`,
			'text/csv',
		);
		return { json: { objectType }, binary: { template }, pairedItem: { item: itemIndex } };
	}

	const settings = readImportSettings(this, itemIndex);
	const { objectType, mode } = settings;
	const binary: IBinaryData = this.helpers.assertBinaryData(itemIndex, settings.binaryPropertyName);
	const inMemory = binary.id ? undefined : Buffer.from(binary.data, BINARY_ENCODING);
	const chunks = binary.id
		? await this.helpers.getBinaryStream(binary.id, CHUNK_BYTES)
		: slices(inMemory!);
	const inputBytes =
		inMemory?.length ??
		(binary.id
			? Number((await this.helpers.getBinaryMetadata(binary.id)).fileSize) || undefined
			: undefined);

	const { summary, report } = await runImport(
		this,
		{ chunks: chunks as AsyncIterable<Buffer>, bytes: inputBytes },
		settings,
	);
	const workflow = this.getWorkflow();
	const audit = {
		workflowId: workflow.id ?? null,
		workflowName: workflow.name ?? null,
		executionId: this.getExecutionId() ?? null,
		executionMode: this.getMode?.() ?? null,
		userId: n8nUserId(this),
		node: this.getNode().name,
		file: binary.fileName ?? null,
	};
	this.logger.info('PartnerStack Import finished', {
		objectType,
		mode,
		total: summary.total,
		imported: summary.imported,
		skipped: summary.skipped,
		failed: summary.failed,
		workflowId: audit.workflowId ?? undefined,
		executionId: audit.executionId ?? undefined,
		userId: audit.userId ?? undefined,
	});
	const reportFile = await this.helpers.prepareBinaryData(
		report,
		`${objectType}-import-report.csv`,
		'text/csv',
	);
	return {
		json: { ...summary, audit },
		binary: { report: reportFile },
		pairedItem: { item: itemIndex },
	};
}

/**
 * The n8n user who started the run. n8n gives it to a node only through the execution's internal data (set for
 * runs a user starts: manual runs, the public API); trigger and schedule runs have none, then null.
 */
function n8nUserId(context: IExecuteFunctions): string | null {
	const additionalData = (context as unknown as { additionalData?: { userId?: unknown } })
		.additionalData;
	return typeof additionalData?.userId === 'string' && additionalData.userId
		? additionalData.userId
		: null;
}
