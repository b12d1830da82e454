import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isSandbox } from '../transport';
import * as action from './action';
import * as application from './application';
import * as customer from './customer';
import * as deal from './deal';
import * as exportResource from './export';
import * as group from './group';
import * as lead from './lead';
import * as partnership from './partnership';
import * as reward from './reward';
import * as tier from './tier';
import * as transaction from './transaction';
import type { Operation, OperationResult, ResourceName } from './types';

const RESOURCES = {
	action,
	application,
	customer,
	deal,
	export: exportResource,
	group,
	lead,
	partnership,
	reward,
	tier,
	transaction,
} as unknown as Record<ResourceName, Record<string, Operation | undefined>>;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return typeof value === 'object' && value !== null && 'json' in value && 'binary' in value;
}

function toItems(
	result: OperationResult,
	itemIndex: number,
	sandbox: boolean,
): INodeExecutionData[] {
	const list = (Array.isArray(result) ? result : [result]) as Array<
		IDataObject | INodeExecutionData
	>;
	return list.map((entry) => {
		const item = isExecutionData(entry) ? entry : { json: entry as IDataObject };
		return {
			...item,
			json: sandbox ? { ...item.json, sandbox: true } : item.json,
			pairedItem: { item: itemIndex },
		};
	});
}

/** Runs the chosen operation once per input item; each output item is paired with the item it came from. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as ResourceName;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = RESOURCES[resource]?.[operationName];
	if (!operation || typeof operation.execute !== 'function') {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not supported for "${resource}"`,
		);
	}
	const sandbox = await isSandbox.call(this);

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute.call(this, itemIndex);
			returnData.push(...toItems(result, itemIndex, sandbox));
		} catch (error) {
			if (this.continueOnFail()) {
				const description = (error as JsonObject).description;
				returnData.push({
					json: {
						error: (error as Error).message,
						...(description ? { description } : {}),
						...((error as JsonObject).httpCode ? { httpCode: (error as JsonObject).httpCode } : {}),
					},
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			if (error instanceof NodeApiError) {
				error.context.itemIndex = itemIndex;
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
			}
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
	}
	return [returnData];
}
