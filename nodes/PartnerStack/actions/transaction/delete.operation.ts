import { transactionLocator } from '../locators';
import { deleteOperation } from '../operations';

export const { description, execute } = deleteOperation(
	'transaction',
	transactionLocator,
	(key) => `/transactions/${encodeURIComponent(key)}`,
);
