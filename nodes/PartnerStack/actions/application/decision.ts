import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiName } from '../../model';
import { partnerStackData } from '../../transport';
import { keyOf, output } from '../operations';

/**
 * PartnerStack documents `PATCH /applications/{key}/decision` but not its body. The node sends the two fields the
 * application object itself carries (`approved`, `decline_reason`): the most plausible shape, decided here once.
 */
export function decisionBody(approved: boolean, reason?: string): IDataObject {
	const approvedField = apiName('application', 'approved');
	return approved
		? { [approvedField]: true }
		: {
				[approvedField]: false,
				...(reason ? { [apiName('application', 'declineReason')]: reason } : {}),
			};
}

/** Approves or declines the application in `key`; answers the decided application (with its new partnership's keys). */
export async function decide(
	this: IExecuteFunctions,
	itemIndex: number,
	approved: boolean,
	reason?: string,
) {
	const key = keyOf.call(this, itemIndex);
	const application = await partnerStackData.call(
		this,
		'PATCH',
		`/applications/${encodeURIComponent(key)}/decision`,
		{
			body: decisionBody(approved, reason),
			itemIndex,
		},
	);
	return output.call(this, 'application', application, itemIndex);
}
