// Output schemas for n8n's editor: before a node has run, its panel previews the fields the node will output
// (n8n asks for `__schema__/v<version>/<resource>/<operation>.json` beside the node file, as for its own nodes).
// Generated at build time from the compiled node: each resource's Simplify fields and its operations.
const { mkdirSync, writeFileSync } = require('fs');
const path = require('path');

/** JSON-schema types by field name: the names PartnerStack uses say what the value is. */
const TYPE_RULES = [
	[/(_at|^amount.*|^value|^total|^imported|^skipped|^failed|^blankRows)$/, { type: 'number' }],
	[/^(archived|test|claimed|approved|default|deleted|sandbox)$/, { type: 'boolean' }],
	[/^tags$/, { type: 'array', items: { type: 'string' } }],
];
const typeOf = (name) => TYPE_RULES.find(([pattern]) => pattern.test(name))?.[1] ?? { type: 'string' };

/** Operations whose output is not the resource's own object. */
const OUTPUT_OF = {
	convert: () => 'customer',
	delete: () => ['key', 'deleted', 'message'],
	listAttachments: () => ['file_key', 'file_name', 'field_key', 'mime_type'],
	getAttachment: () => ['file_key', 'file_name', 'field_key', 'mime_type'],
};

function objectSchema(fields) {
	return { type: 'object', properties: Object.fromEntries(fields.map((name) => [name, typeOf(name)])) };
}

function writeOutputSchemas(distNodeDir) {
	const { SIMPLE_FIELDS } = require(path.resolve(distNodeDir, 'helpers/simplify.js'));
	const fieldsOf = (resource) => SIMPLE_FIELDS[resource].map(([name]) => name);
	let written = 0;
	for (const resource of Object.keys(SIMPLE_FIELDS)) {
		const operations = Object.keys(require(path.resolve(distNodeDir, 'actions', resource, 'index.js'))).filter((name) => name !== 'description');
		for (const operation of operations) {
			const output = OUTPUT_OF[operation]?.() ?? resource;
			const fields = Array.isArray(output) ? output : [...fieldsOf(output), ...(operation === 'upsert' ? ['upsertResult'] : [])];
			const file = path.join(distNodeDir, '__schema__', 'v1.0.0', resource, `${operation}.json`);
			mkdirSync(path.dirname(file), { recursive: true });
			writeFileSync(file, `${JSON.stringify(objectSchema(fields), null, '\t')}\n`);
			written += 1;
		}
	}
	// The triggers output the PartnerStack object of the event, whichever it is: the fields every object has.
	writeFileSync(path.join(distNodeDir, '__schema__', 'v1.0.0.json'), `${JSON.stringify(objectSchema(['key', 'event', 'created_at', 'updated_at']), null, '\t')}\n`);
	// The import node has no resource: n8n asks for `v1.0.0/<operation>.json`.
	const importSummary = objectSchema(['objectType', 'mode', 'total', 'imported', 'skipped', 'failed', 'blankRows', 'warnings', 'startedAt', 'finishedAt']);
	importSummary.properties.warnings = { type: 'array', items: { type: 'string' } };
	importSummary.properties.audit = objectSchema(['workflowId', 'workflowName', 'executionId', 'node', 'file']);
	writeFileSync(path.join(distNodeDir, '__schema__', 'v1.0.0', 'import.json'), `${JSON.stringify(importSummary, null, '\t')}\n`);
	writeFileSync(path.join(distNodeDir, '__schema__', 'v1.0.0', 'getTemplate.json'), `${JSON.stringify(objectSchema(['objectType']), null, '\t')}\n`);
	return written + 3;
}

module.exports = { writeOutputSchemas };
