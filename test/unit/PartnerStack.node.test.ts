import { PartnerStack } from '../../nodes/PartnerStack/PartnerStack.node';

describe('description', () => {
	const description = new PartnerStack().description;

	it('is usable as an AI tool and every operation has an action text', () => {
		expect(description.usableAsTool).toBe(true);
		const operations = description.properties.filter((p) => p.name === 'operation');
		expect(operations).toHaveLength(11);
		for (const property of operations) {
			for (const option of property.options as Array<{ action?: string }>)
				expect(option.action).toMatch(/^[A-Z]/);
		}
	});

	it('offers the contract operation values per resource', () => {
		const byResource = Object.fromEntries(
			description.properties
				.filter((p) => p.name === 'operation')
				.map((p) => [
					p.displayOptions!.show!.resource![0],
					(p.options as Array<{ value: string }>).map((o) => o.value).sort(),
				]),
		);
		expect(byResource).toEqual({
			action: ['create', 'delete', 'getAll'],
			application: ['approve', 'decline', 'getAll'],
			customer: ['create', 'delete', 'get', 'getAll', 'update', 'upsert'],
			deal: [
				'convert',
				'create',
				'delete',
				'get',
				'getAll',
				'getAttachment',
				'listAttachments',
				'update',
				'upsert',
			],
			export: ['create'],
			group: ['getAll'],
			lead: ['convert', 'create', 'delete', 'get', 'getAll', 'update'],
			partnership: ['create', 'delete', 'get', 'getAll', 'modifyTags', 'update', 'upsert'],
			reward: ['create', 'getAll'],
			tier: ['getAll'],
			transaction: ['create', 'delete', 'getAll'],
		});
	});
});
