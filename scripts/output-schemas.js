// Output schemas for n8n's editor: before a node has run, its panel previews the fields the node will output
// (n8n asks for `__schema__/v<version>/<resource>/<operation>.json` beside the node file, as for its own nodes).
// Generated at build time from the compiled node: each resource's Simplify fields and its operations.
const { existsSync, mkdirSync, readdirSync, writeFileSync } = require('fs');
const path = require('path');

/** JSON-schema types of the object model's field kinds (nodes/PartnerStack/model/types.ts). */
const KIND_TYPES = {
	text: { type: 'string' },
	email: { type: 'string' },
	enum: { type: 'string' },
	date: { type: 'string' },
	cents: { type: 'number' },
	epochMs: { type: 'number' },
	integer: { type: 'number' },
	boolean: { type: 'boolean' },
	list: { type: 'array', items: { type: 'string' } },
	jsonObject: { type: 'object' },
	jsonList: { type: 'array', items: { type: 'object' } },
};

/**
 * The fields that are not an object's (the operations' own: a delete's `deleted`, an attachment's `size`, the
 * import's summary) are typed by their name.
 */
const NAME_TYPES = [
	[/(_at|^total|^imported|^skipped|^failed|^blankRows|^size)$/, { type: 'number' }],
	[/^(deleted|sandbox)$/, { type: 'boolean' }],
	[/^(export_types|skipped_types)$/, { type: 'array', items: { type: 'string' } }],
];
const typeOf = (name, kinds = {}) =>
	KIND_TYPES[kinds[name]] ??
	NAME_TYPES.find(([pattern]) => pattern.test(name))?.[1] ?? { type: 'string' };

function objectSchema(fields, kinds) {
	return {
		type: 'object',
		properties: Object.fromEntries(fields.map((name) => [name, typeOf(name, kinds)])),
	};
}

/**
 * The fields an operation outputs, from the tables the node itself uses (helpers/simplify): an operation listed in
 * OPERATION_FIELDS returns those (a delete also the archived record's fields); the others return their resource's
 * Simplify fields (convert: the customer's), plus `upsertResult` for an upsert.
 */
function outputFields(simplifyTables, resource, operation) {
	const { SIMPLE_FIELDS, OPERATION_FIELDS, OPERATION_OUTPUT_RESOURCE } = simplifyTables;
	const fieldsOf = (name) => (SIMPLE_FIELDS[name] ?? []).map(([field]) => field);
	const listed = OPERATION_FIELDS[`${resource}.${operation}`];
	if (listed) return listed;
	if (operation === 'delete')
		return [...new Set([...fieldsOf(resource), ...OPERATION_FIELDS.delete])];
	const fields = fieldsOf(OPERATION_OUTPUT_RESOURCE[operation] ?? resource);
	return operation === 'upsert' ? [...fields, 'upsertResult'] : fields;
}

function writeOutputSchemas(distNodeDir) {
	const simplifyTables = require(path.resolve(distNodeDir, 'helpers/simplify.js'));
	const actionsDir = path.resolve(distNodeDir, 'actions');
	const resources = readdirSync(actionsDir, { withFileTypes: true })
		.filter(
			(entry) => entry.isDirectory() && existsSync(path.join(actionsDir, entry.name, 'index.js')),
		)
		.map((entry) => entry.name);
	let written = 0;
	for (const resource of resources) {
		const operations = Object.keys(require(path.join(actionsDir, resource, 'index.js'))).filter(
			(name) => name !== 'description',
		);
		for (const operation of operations) {
			const file = path.join(distNodeDir, '__schema__', 'v1.0.0', resource, `${operation}.json`);
			const kinds =
				simplifyTables.SIMPLE_FIELD_KINDS[
					simplifyTables.OPERATION_OUTPUT_RESOURCE[operation] ?? resource
				];
			mkdirSync(path.dirname(file), { recursive: true });
			writeFileSync(
				file,
				`${JSON.stringify(objectSchema(outputFields(simplifyTables, resource, operation), kinds), null, '\t')}\n`,
			);
			written += 1;
		}
	}
	// The triggers output the PartnerStack object of the event, whichever it is: the fields every object has.
	writeFileSync(
		path.join(distNodeDir, '__schema__', 'v1.0.0.json'),
		`${JSON.stringify(objectSchema(['key', 'event', 'created_at', 'updated_at']), null, '\t')}\n`,
	);
	// The import node has no resource: n8n asks for `v1.0.0/<operation>.json`.
	const importSummary = objectSchema([
		'objectType',
		'mode',
		'total',
		'imported',
		'skipped',
		'failed',
		'blankRows',
		'warnings',
		'startedAt',
		'finishedAt',
	]);
	importSummary.properties.warnings = { type: 'array', items: { type: 'string' } };
	importSummary.properties.audit = objectSchema([
		'workflowId',
		'workflowName',
		'executionId',
		'node',
		'file',
	]);
	writeFileSync(
		path.join(distNodeDir, '__schema__', 'v1.0.0', 'import.json'),
		`${JSON.stringify(importSummary, null, '\t')}\n`,
	);
	writeFileSync(
		path.join(distNodeDir, '__schema__', 'v1.0.0', 'getTemplate.json'),
		`${JSON.stringify(objectSchema(['objectType']), null, '\t')}\n`,
	);
	return written + 3;
}

module.exports = { writeOutputSchemas, outputFields };
