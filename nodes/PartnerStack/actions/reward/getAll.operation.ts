import { getManyOperation } from '../operations';

export const { description, execute } = getManyOperation('reward', '/rewards', [
	{
		displayName: 'Customer Key',
		name: 'customerKey',
		type: 'string',
		default: '',
		description: 'Only rewards for this customer',
	},
	{
		displayName: 'Payment Status',
		name: 'paymentStatus',
		type: 'options',
		default: 'available',
		options: [
			{ name: 'Available', value: 'available' },
			{ name: 'Expired', value: 'expired' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'In Transit', value: 'in_transit' },
			{ name: 'Merging', value: 'merging' },
			{ name: 'Paid Externally', value: 'paid_externally' },
			{ name: 'Withdrawn', value: 'withdrawn' },
		],
	},
]);
