import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toEpochMs } from '../helpers/dates';
import { simplify } from '../helpers/simplify';
import { filtersOf } from '../model';
import type { PartnerStackEnvelope } from '../transport';
import { partnerStackAllItems, partnerStackData, partnerStackRequest } from '../transport';
import { getManyProperties, simplifyProperty } from './common.descriptions';
import type { Operation, ResourceName } from './types';

/**
 * An object's Get Many filters → PartnerStack query parameters, as its model lists them. Date filters without a
 * zone are read in `timeZone`, the workflow's (`this.getTimezone()`).
 */
export function toQuery(
	resource: ResourceName,
	filters: IDataObject,
	timeZone?: string,
): IDataObject {
	const mappings = filtersOf(resource);
	const qs: IDataObject = {};
	for (const [name, value] of Object.entries(filters)) {
		if (value === undefined || value === null || value === '') continue;
		const mapping = mappings[name];
		if (!mapping) throw new Error(`Unknown filter "${name}"`);
		qs[mapping.query] = mapping.epochMs ? toEpochMs(value, timeZone) : value;
	}
	return qs;
}

export function shown(resource: ResourceName, operation: string, properties: INodeProperties[]) {
	return updateDisplayOptions(
		{ show: { resource: [resource], operation: [operation] } },
		properties,
	);
}

export function keyOf(this: IExecuteFunctions, itemIndex: number): string {
	const key = this.getNodeParameter('key', itemIndex, '', { extractValue: true }) as string;
	const trimmed = String(key ?? '').trim();
	if (!trimmed) throw new Error('The key is empty: pick a record from the list or enter its key');
	return trimmed;
}

export function output(
	this: IExecuteFunctions,
	resource: ResourceName,
	object: IDataObject,
	itemIndex: number,
): IDataObject {
	const wantsSimple = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return wantsSimple ? simplify(resource, object) : object;
}

export function getManyOperation(
	resource: ResourceName,
	endpoint: string,
	extraFilters: INodeProperties[] = [],
	options: { withPartnerAndGroup?: boolean } = {},
): Operation {
	return {
		description: shown(resource, 'getAll', getManyProperties(extraFilters, options)),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			const limit = returnAll
				? Infinity
				: (this.getNodeParameter('limit', itemIndex, 50) as number);
			const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const items = await partnerStackAllItems.call(
				this,
				endpoint,
				toQuery(resource, filters, this.getTimezone()),
				limit,
				{ itemIndex },
			);
			return items.map((item) => output.call(this, resource, item, itemIndex));
		},
	};
}

export function getOperation(
	resource: ResourceName,
	locator: INodeProperties,
	pathOf: (key: string) => string,
): Operation {
	return {
		description: shown(resource, 'get', [locator, simplifyProperty]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const key = keyOf.call(this, itemIndex);
			const object = await partnerStackData.call(this, 'GET', pathOf(key), { itemIndex });
			return output.call(this, resource, object, itemIndex);
		},
	};
}

export function deleteOperation(
	resource: ResourceName,
	locator: INodeProperties,
	pathOf: (key: string) => string,
): Operation {
	return {
		description: shown(resource, 'delete', [locator, simplifyProperty]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const key = keyOf.call(this, itemIndex);
			const answer = await partnerStackRequest.call(this, 'DELETE', pathOf(key), { itemIndex });
			return deletedOutput.call(this, resource, key, answer, itemIndex);
		},
	};
}

/**
 * What a delete answers: the archived record (simplified like any output) when PartnerStack returns it, then
 * `deleted` and the API's message. Without a record, `key` is the identifier the user gave.
 */
export function deletedOutput(
	this: IExecuteFunctions,
	resource: ResourceName,
	key: string,
	answer: PartnerStackEnvelope,
	itemIndex: number,
): IDataObject {
	const record =
		answer.data && typeof answer.data === 'object' && !Array.isArray(answer.data)
			? (answer.data as IDataObject)
			: undefined;
	const wantsSimple = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const archived = record ? (wantsSimple ? simplify(resource, record) : record) : {};
	return { key, ...archived, deleted: true, message: answer.message ?? null };
}
