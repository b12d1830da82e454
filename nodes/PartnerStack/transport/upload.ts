// A multipart/form-data upload (the Data Import API takes its CSV as a form file). Only the body is built here:
// it is sent by partnerStackRequest like every other call, with the credential's authentication, the run's
// pacer, the same retries and the same error messages.
import type { PartnerStackContext, PartnerStackEnvelope, RequestOptions } from './index';
import { partnerStackRequest } from './index';

export interface UploadFile {
	/** The file name the form part announces. */
	name: string;
	contentType: string;
	content: Buffer | string;
}

/**
 * POSTs text `fields` and one `file` (form field `file`) as multipart/form-data. Like any POST, it is repeated
 * after a lost connection only when `options.idempotent` says repeating it cannot import twice.
 */
export async function partnerStackUpload(
	this: PartnerStackContext,
	endpoint: string,
	{ fields, file }: { fields: Record<string, string>; file: UploadFile },
	options: Omit<RequestOptions, 'body' | 'headers'> = {},
): Promise<PartnerStackEnvelope> {
	const boundary = `----n8nPartnerStackImport${Date.now().toString(16)}`;
	const parts = Object.entries(fields).map(
		([name, value]) =>
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
	);
	const body = Buffer.concat([
		Buffer.from(parts.join('')),
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
		),
		Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
		Buffer.from(`\r\n--${boundary}--\r\n`),
	]);
	return await partnerStackRequest.call(this, 'POST', endpoint, {
		...options,
		body,
		headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
	});
}
