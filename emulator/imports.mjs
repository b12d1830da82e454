// The Data Import API (`POST /v1/import/<type>`): a multipart upload whose `file` part is recorded.
import { ApiError } from './store.mjs';
import { CHOICES } from './choices.mjs';

/** Reads the parts of a multipart/form-data body (small files only: the emulator keeps them in memory). */
export function parseMultipart(buffer, contentType) {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
	if (!boundary) throw new ApiError(400, 'Expected a multipart/form-data body with a boundary');
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const parts = [];
	let position = buffer.indexOf(delimiter);
	while (position !== -1) {
		const start = position + delimiter.length;
		if (buffer.slice(start, start + 2).toString() === '--') break;
		const next = buffer.indexOf(delimiter, start);
		if (next === -1) break;
		const part = buffer.slice(start + 2, next - 2); // skip the CRLF after the delimiter and before the next
		const headerEnd = part.indexOf('\r\n\r\n');
		const headers = part.slice(0, headerEnd).toString('utf8');
		const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
		parts.push({
			name: /name="([^"]*)"/i.exec(disposition)?.[1],
			fileName: /filename="([^"]*)"/i.exec(disposition)?.[1],
			contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1],
			content: part.slice(headerEnd + 4),
		});
		position = next;
	}
	return parts;
}

export function importRoutes({ imports }) {
	return [
		[
			'POST',
			'/v1/import/:type',
			({ params, rawBody, headers, isTest }) => {
				if (!CHOICES.importTypes.includes(params.type)) {
					throw new ApiError(
						404,
						`Unknown import type ${params.type}; expected one of ${CHOICES.importTypes.join(', ')}`,
					);
				}
				const parts = parseMultipart(rawBody, headers['content-type']);
				const file = parts.find((part) => part.name === 'file');
				if (!file) throw new ApiError(400, "A multipart part named 'file' is required");
				const text = file.content.toString('utf8');
				const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '');
				imports.push({
					type: params.type,
					fileName: file.fileName ?? 'upload.csv',
					contentType: file.contentType ?? null,
					content: text,
					rows: Math.max(0, lines.length - 1),
					test: isTest,
					at: Date.now(),
					// The other form fields (e.g. the invite flag, the group), as sent.
					fields: Object.fromEntries(
						parts
							.filter((part) => part !== file && part.name)
							.map((part) => [part.name, part.content.toString('utf8')]),
					),
				});
				return {
					raw: {
						status: 200,
						body: { status: 200, message: CHOICES.importMessage(file.fileName ?? 'upload.csv') },
					},
				};
			},
		],
	];
}
