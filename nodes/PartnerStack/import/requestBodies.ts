// The API v2 request bodies of the Row by Row writers (writers.ts): where each validated cell goes, and the one
// field name PartnerStack's reference does not give, as a constant. Object fields are named by the model (model/).
import type { IDataObject } from 'n8n-workflow';

import { answered, setAt } from '../model';
import { v2PathsOf, type ObjectSchema } from './schemas';
import type { ValidRow } from './stages/rows';

const epochOf = (date: unknown) =>
	typeof date === 'string' && /^\d+$/.test(date) ? Number(date) : Date.parse(`${date}T00:00:00Z`);

/**
 * The API v2 body of a row, from the schema's `v2` paths: every written column lands where the schema says,
 * and nowhere else. Unwritable columns are left out (the engine stopped or warned before any write).
 */
export function v2Body(schema: ObjectSchema, { values, partner }: ValidRow): IDataObject {
	const body: IDataObject = {};
	for (const field of schema.fields) {
		const value = values[field.name];
		if (value === undefined || value === '' || !field.v2) continue;
		let sent: unknown = value;
		if (field.v2As === 'epochMs') sent = epochOf(value);
		else if (field.v2As === 'partnerKey')
			sent = answered(partner, 'partnership', 'partnerKey') ?? value;
		for (const path of v2PathsOf(field)) setAt(body, path, sent);
	}
	return body;
}

/** The body without fields an update must not send (the keys it is addressed by, tags sent on their own). */
export function without(body: IDataObject, fields: string[]): IDataObject {
	return Object.fromEntries(Object.entries(body).filter(([field]) => !fields.includes(field)));
}

/**
 * The flag that asks PartnerStack to e-mail imported partners: the same name in the row-by-row body and in
 * the bulk upload's form fields. Not in PartnerStack's v2 reference (an unconfirmed name), so it is one constant.
 */
export const INVITE_FLAG_FIELD = 'send_invite_emails';
