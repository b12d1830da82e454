import { getManyOperation } from '../operations';

export const { description, execute } = getManyOperation('tier', '/tiers', [], {
	withPartnerAndGroup: false,
});
