/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
// The README's import field tables are generated from the schemas; this keeps them from drifting.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

it('README operation fields match the action node description', () => {
	const output = execFileSync(
		process.execPath,
		[join(__dirname, '..', '..', 'scripts', 'operation-docs.mjs'), '--check'],
		{ encoding: 'utf8' },
	);
	expect(output).toMatch(/match the node description/);
});

it('README field tables match the import schemas', () => {
	const output = execFileSync(
		process.execPath,
		[join(__dirname, '..', '..', 'scripts', 'field-tables.mjs'), '--check'],
		{ encoding: 'utf8' },
	);
	expect(output).toMatch(/match the schemas/);
});
