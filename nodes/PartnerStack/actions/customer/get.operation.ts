import { customerLocator } from '../locators';
import { getOperation } from '../operations';

export const { description, execute } = getOperation(
	'customer',
	customerLocator,
	(key) => `/customers/${encodeURIComponent(key)}`,
);
