import { getManyOperation } from '../operations';

export const { description, execute } = getManyOperation('transaction', '/transactions', [
	{
		displayName: 'Customer Key',
		name: 'customerKey',
		type: 'string',
		default: '',
		description: 'Only sales of this customer',
	},
	{
		displayName: 'Product Key',
		name: 'productKey',
		type: 'string',
		default: '',
		description: 'Only sales of this product',
	},
]);
