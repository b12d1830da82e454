/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code, not node code */
// The example workflows are files users import: they must load in n8n as they are. These checks catch what
// n8n would only reveal at run time (the e2e suite then runs each example in the sandbox).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PartnerStack } from '../../nodes/PartnerStack/PartnerStack.node';

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

const folder = join(__dirname, '..', '..', 'examples');
const examples = readdirSync(folder)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({
		file,
		workflow: JSON.parse(readFileSync(join(folder, file), 'utf8')) as {
			id: string;
			nodes: ExampleNode[];
			connections: Record<string, unknown>;
		},
	}));
const operations = new PartnerStack().description.properties.filter(
	(property) => property.name === 'operation',
);

it('has the five examples the README describes', () => {
	expect(examples.map((example) => example.file)).toEqual([
		'01-scheduled-csv-import.json',
		'02-onboard-new-partners.json',
		'03-deal-won-to-first-sale.json',
		'04-nightly-export.json',
		'05-approve-partner-applications.json',
	]);
});

describe.each(examples.map((example) => [example.file, example.workflow] as const))(
	'%s',
	(_file, workflow) => {
		it('has an id n8n accepts: at most 16 characters (longer ids silently lose static data, so a trigger never authenticates)', () => {
			expect(workflow.id).toMatch(/^[A-Za-z0-9]{1,16}$/);
		});

		it('connects only nodes it has', () => {
			const names = new Set(workflow.nodes.map((node) => node.name));
			for (const [from, outputs] of Object.entries(workflow.connections)) {
				expect(names).toContain(from);
				for (const target of JSON.stringify(outputs).matchAll(/"node":"([^"]+)"/g))
					expect(names).toContain(target[1]);
			}
		});

		it('uses PartnerStack operations that exist, with the sandbox credential', () => {
			for (const node of workflow.nodes.filter((entry) =>
				entry.type.startsWith('n8n-nodes-partnerstack.'),
			)) {
				expect(node.credentials?.partnerStackApi).toEqual({
					id: 'psSandboxLive001',
					name: 'PartnerStack (emulator, production keys)',
				});
				if (node.type !== 'n8n-nodes-partnerstack.partnerStack') continue;
				const { resource, operation } = node.parameters as { resource: string; operation: string };
				const offered = operations.find((property) =>
					property.displayOptions?.show?.resource?.includes(resource),
				);
				expect(
					(offered?.options as Array<{ value: string }>).map((option) => option.value),
				).toContain(operation);
			}
		});
	},
);
