import { getManyOperation } from '../operations';

export const { description, execute } = getManyOperation('group', '/groups', [], {
	withPartnerAndGroup: false,
});
