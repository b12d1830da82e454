import { dealLocator } from '../locators';
import { getOperation } from '../operations';

export const { description, execute } = getOperation(
	'deal',
	dealLocator,
	(key) => `/deals/${encodeURIComponent(key)}`,
);
