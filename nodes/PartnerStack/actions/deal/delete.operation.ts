import { dealLocator } from '../locators';
import { deleteOperation } from '../operations';

/** PartnerStack archives the deal. */
export const { description, execute } = deleteOperation(
	'deal',
	dealLocator,
	(key) => `/deals/${encodeURIComponent(key)}`,
);
