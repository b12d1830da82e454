// The import's settings: every node parameter read once, at the start of an item, and handed down to each
// stage as they are. No stage reads a parameter itself or changes a setting.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ASSUMED_RATE_LIMIT_PER_MINUTE } from '../transport';
import { SCHEMAS, type ImportObjectType } from './schemas';

export type ImportMode = 'validate' | 'rowByRow' | 'bulk';
export type UnwritableColumns = 'stop' | 'skip';
export type Delimiter = 'auto' | ',' | ';' | '\t' | '|';

export interface ImportSettings {
	readonly objectType: ImportObjectType;
	readonly mode: ImportMode;
	readonly delimiter: Delimiter;
	readonly ignoreUnknownColumns: boolean;
	readonly sendInviteEmails: boolean;
	readonly checkReferences: boolean;
	/** Row by row: a column with values and no API v2 field stops the import before any write, or is skipped. */
	readonly unwritableColumns: UnwritableColumns;
	/** Deals and leads only: the group they are imported into. */
	readonly groupKey?: string;
	readonly concurrency: number;
	readonly requestsPerMinute: number;
	/** How long a request answered 429 keeps retrying (the option Rate Limit Wait); unset: the transport's default. */
	readonly rateLimitWaitMs?: number;
	/** The item's binary property that holds the CSV file. */
	readonly binaryPropertyName: string;
}

/** The parameters of one item's import. Deals and leads without a group stop here, before the file is read. */
export function readImportSettings(node: IExecuteFunctions, itemIndex: number): ImportSettings {
	const objectType = node.getNodeParameter('objectType', itemIndex) as ImportObjectType;
	const mode = node.getNodeParameter('mode', itemIndex, 'validate') as ImportMode;
	const options = node.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const groupKey = ['deals', 'leads'].includes(objectType)
		? String(node.getNodeParameter('groupKey', itemIndex, '') ?? '').trim()
		: undefined;
	if (groupKey === '') {
		throw new NodeOperationError(
			node.getNode(),
			`${objectType === 'deals' ? 'Deals' : 'Leads'} are imported into one group: choose the Group`,
			{ itemIndex },
		);
	}
	return Object.freeze({
		objectType,
		mode,
		groupKey,
		delimiter: (options.delimiter as Delimiter) ?? ',',
		ignoreUnknownColumns: options.ignoreUnknownColumns === true,
		sendInviteEmails: options.sendInviteEmails === true,
		checkReferences: options.checkReferences === true,
		unwritableColumns: options.unwritableColumns === 'skip' ? 'skip' : 'stop',
		concurrency: Number(options.concurrency ?? 8),
		requestsPerMinute: Number(options.requestsPerMinute ?? ASSUMED_RATE_LIMIT_PER_MINUTE),
		rateLimitWaitMs: Number(options.rateLimitWaitSeconds ?? 120) * 1000,
		binaryPropertyName: node.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string,
	});
}

/** The run writes to PartnerStack (row by row or bulk); a dry run only validates. */
export const writes = (settings: ImportSettings) => settings.mode !== 'validate';

/**
 * The run keeps its valid rows until the end, for lookups and writes. A dry run without lookups does not: each
 * row's report line is written as soon as the row is read, so a million-row file is never held.
 */
export const keepsRows = (settings: ImportSettings) => writes(settings) || settings.checkReferences;

/** Row by row, or bulk for an object type that has no bulk endpoint. */
export const writesRowByRow = (settings: ImportSettings) =>
	settings.mode === 'rowByRow' ||
	(settings.mode === 'bulk' && SCHEMAS[settings.objectType].bulkType === undefined);
