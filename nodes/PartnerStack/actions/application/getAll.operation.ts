import { getManyOperation } from '../operations';

export const { description, execute } = getManyOperation('application', '/applications', [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'pending',
		description: 'Only applications with this decision',
		options: [
			{ name: 'Approved', value: 'approved' },
			{ name: 'Declined', value: 'declined' },
			{ name: 'Pending', value: 'pending', description: 'Waiting for a decision' },
		],
	},
]);
