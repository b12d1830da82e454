import { actionLocator } from '../locators';
import { deleteOperation } from '../operations';

/** Archives the action; PartnerStack archives its rewards with it. */
export const { description, execute } = deleteOperation(
	'action',
	actionLocator,
	(key) => `/actions/${encodeURIComponent(key)}`,
);
