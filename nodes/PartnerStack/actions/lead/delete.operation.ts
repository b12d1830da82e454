import { leadLocator } from '../locators';
import { deleteOperation } from '../operations';

/** PartnerStack archives the lead. */
export const { description, execute } = deleteOperation(
	'lead',
	leadLocator,
	(key) => `/leads/${encodeURIComponent(key)}`,
);
