import { getManyOperation } from '../operations';

export const { description, execute } = getManyOperation('action', '/actions', [
	{
		displayName: 'Action Type',
		name: 'actionType',
		type: 'string',
		default: '',
		description: 'Only actions of this type',
	},
	{
		displayName: 'Partnership Key',
		name: 'partnershipKey',
		type: 'string',
		default: '',
		description: 'Only actions of this partnership (its part_… key)',
	},
]);
