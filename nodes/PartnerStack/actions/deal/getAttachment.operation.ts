import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { pickFields } from '../../helpers/simplify';
import { dealLocator } from '../locators';
import { keyOf, shown } from '../operations';
import { dealFileUrl, listDealFiles } from './attachments';

const properties: INodeProperties[] = [
	dealLocator,
	{
		displayName: 'File Key',
		name: 'fileKey',
		type: 'string',
		required: true,
		default: '',
		description: 'The attachment, as listed by the List Attachments operation',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	},
];

export const description = shown('deal', 'getAttachment', properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const dealKey = keyOf.call(this, itemIndex);
	const fileKey = String(this.getNodeParameter('fileKey', itemIndex)).trim();
	const binaryPropertyName = this.getNodeParameter(
		'binaryPropertyName',
		itemIndex,
		'data',
	) as string;

	const listed = (await listDealFiles.call(this, dealKey, itemIndex)).find(
		(file) => file.key === fileKey,
	);
	const url = await dealFileUrl.call(this, dealKey, fileKey, itemIndex);
	// The URL is pre-signed storage: the PartnerStack keys are not sent to it.
	const response = (await this.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
	})) as { body: ArrayBuffer; headers: Record<string, string> };
	const fileName = String(
		listed?.name ??
			/filename="([^"]+)"/.exec(response.headers['content-disposition'] ?? '')?.[1] ??
			fileKey,
	);
	const mimeType = response.headers['content-type']?.split(';')[0];
	const binary = await this.helpers.prepareBinaryData(
		Buffer.from(response.body),
		fileName,
		mimeType,
	);
	return [
		{
			json: pickFields('deal.getAttachment', {
				deal_key: dealKey,
				file_key: fileKey,
				file_name: fileName,
				field_key: listed?.field_key ?? null,
				mime_type: binary.mimeType,
				size: Buffer.from(response.body).length,
			}),
			binary: { [binaryPropertyName]: binary },
		},
	];
}
