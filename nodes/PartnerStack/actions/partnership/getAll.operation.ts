import { getManyOperation } from '../operations';

export const { description, execute } = getManyOperation('partnership', '/partnerships', [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Only the partner with this email',
	},
]);
