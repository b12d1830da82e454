import { getManyOperation } from '../operations';
import { LEAD_STATUSES } from './fields';

export const { description, execute } = getManyOperation('lead', '/leads', [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'open',
		options: LEAD_STATUSES,
	},
]);
