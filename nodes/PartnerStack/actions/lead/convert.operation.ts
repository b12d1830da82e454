import { convertOperation } from '../convert';
import { leadLocator } from '../locators';

export const { description, execute } = convertOperation('lead', leadLocator, 'leads');
