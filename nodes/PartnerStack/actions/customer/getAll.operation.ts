import { getManyOperation } from '../operations';

export const { description, execute } = getManyOperation('customer', '/customers', [
	{
		displayName: 'Customer Key',
		name: 'customerKey',
		type: 'string',
		default: '',
		description: 'Only the customer with this customer key',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Only customers with this email',
	},
]);
