// Training completions come from the learning platform connected to PartnerStack (SAP Litmos), not from an API
// call: the admin API stands in for it. A delivery carries what PartnerStack documents for training events:
// the course or learning path (`id`, `name`), the partnership block of the partner who completed it, the
// company's key and `completed_at`; there is no `key` or `updated_at`.
import { ApiError } from './store.mjs';
import { findPartnership } from './resources/partnerships.mjs';

/** The company the emulator plays (the same key the convert answers carry). */
export const COMPANY_KEY = 'comp_emulator';

const EVENTS = {
	course: 'training.course_completed',
	learning_path: 'training.learning_path_completed',
};

/** `{ type: "course" | "learning_path", id, name, partner_key }` → the event and the object to deliver. */
export function trainingCompletion(store, body) {
	const event = EVENTS[body.type ?? 'course'];
	if (!event) throw new ApiError(400, "'type' must be 'course' or 'learning_path'");
	if (body.id === undefined || !body.name) throw new ApiError(400, "'id' and 'name' are required");
	const partnership = findPartnership(store, String(body.partner_key ?? ''));
	return {
		event,
		object: {
			id: body.id,
			name: body.name,
			partnership: { ...partnership },
			company_key: COMPANY_KEY,
			completed_at: store.now(),
		},
	};
}
