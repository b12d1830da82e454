import { customerLocator } from '../locators';
import { deleteOperation } from '../operations';

/** PartnerStack archives the customer (its webhook calls this customer.deleted). */
export const { description, execute } = deleteOperation(
	'customer',
	customerLocator,
	(key) => `/customers/${encodeURIComponent(key)}`,
);
