import { keyLocator } from './common.descriptions';

export const partnershipLocator = keyLocator(
	'Partnership',
	'searchPartnerships',
	'e.g. part_mGXzJol7h633Ft or johnsmith',
	'The partnership: its key (part_…) or its partner key',
);
export const customerLocator = keyLocator(
	'Customer',
	'searchCustomers',
	'e.g. cus_a80cb515fe',
	'The customer key you gave the customer (PartnerStackJS / create customer)',
);
export const dealLocator = keyLocator(
	'Deal',
	'searchDeals',
	'e.g. deal_PHPFhrDgpNf468 or your external key',
	'The deal: its key or its external key',
);
export const leadLocator = keyLocator(
	'Lead',
	'searchLeads',
	'e.g. lead_PHPFhrDgpNf468 or your external key',
	'The lead: its key or its external key',
);
export const transactionLocator = keyLocator(
	'Transaction',
	'searchTransactions',
	'e.g. tran_PHPFhrDgpNf468',
	'The transaction key',
);
export const actionLocator = keyLocator(
	'Action',
	'searchActions',
	'e.g. actn_PHPFhrDgpNf468',
	'The action key',
);
export const applicationLocator = keyLocator(
	'Application',
	'searchPendingApplications',
	'e.g. appl_8WePUs6tWFsW4h',
	'The application (appl_…). The list shows the applications still waiting for a decision.',
);
