import { csvLine } from './report';
import { SCHEMAS, type ImportObjectType } from './schemas';

/** The template CSV of an object type: every column of its schema and one example row. */
export function templateCsv(objectType: ImportObjectType): Buffer {
	const { fields } = SCHEMAS[objectType];
	const chosen = fields.filter((field, index) => !field.oneOf || fields.findIndex((f) => f.oneOf === field.oneOf) === index);
	return Buffer.from(`${csvLine(chosen.map((f) => f.name))}\r\n${csvLine(chosen.map((f) => f.example))}\r\n`, 'utf8');
}
