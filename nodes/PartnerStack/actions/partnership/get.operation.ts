import { getOperation } from '../operations';
import { partnershipLocator } from '../locators';

export const { description, execute } = getOperation(
	'partnership',
	partnershipLocator,
	(key) => `/partnerships/${encodeURIComponent(key)}`,
);
