import { getManyOperation } from '../operations';

export const { description, execute } = getManyOperation('deal', '/deals', [
	{
		displayName: 'Customer Key',
		name: 'customerKey',
		type: 'string',
		default: '',
		description: 'Only deals converted to this customer',
	},
]);
