import { csvLine } from './stages/report';
import { SCHEMAS, type ImportObjectType } from './schemas';

/**
 * The template CSV of an object type: every column the importer guide lists (both columns of a one-of pair)
 * and one example row that passes the rules (only the first column of a one-of pair is filled in).
 */
export function templateCsv(objectType: ImportObjectType): Buffer {
	const { fields } = SCHEMAS[objectType];
	const example = fields.map((field, index) =>
		!field.oneOf || fields.findIndex((f) => f.oneOf === field.oneOf) === index ? field.example : '',
	);
	return Buffer.from(`${csvLine(fields.map((f) => f.name))}\r\n${csvLine(example)}\r\n`, 'utf8');
}
