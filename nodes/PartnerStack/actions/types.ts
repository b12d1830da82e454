import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** What an operation answers for one input item: objects become items; items with binary pass as they are. */
export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

export type ResourceName =
	| 'action'
	| 'application'
	| 'customer'
	| 'deal'
	| 'export'
	| 'group'
	| 'lead'
	| 'partnership'
	| 'reward'
	| 'tier'
	| 'transaction';
