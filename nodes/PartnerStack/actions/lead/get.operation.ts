import { leadLocator } from '../locators';
import { getOperation } from '../operations';

export const { description, execute } = getOperation(
	'lead',
	leadLocator,
	(key) => `/leads/${encodeURIComponent(key)}`,
);
