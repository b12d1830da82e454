import { convertOperation } from '../convert';
import { dealLocator } from '../locators';

export const { description, execute } = convertOperation('deal', dealLocator, 'deals');
