// Helpers the resource modules share: the group and partnership views other objects embed.
import { ApiError } from '../store.mjs';
import { CHOICES } from '../choices.mjs';

export function groupSummary(group) {
	if (!group) return null;
	return { key: group.key, name: group.name, slug: group.slug };
}

export function defaultGroup(store) {
	return store.all('groups').find((group) => group.default) ?? store.all('groups')[0];
}

export function requirePartnership(store, partnerKey) {
	const partnership = store.find('partnerships', partnerKey, ['partner_key']);
	if (!partnership || partnership.archived)
		throw new ApiError(400, `partner_key ${partnerKey} not found`);
	return partnership;
}

export function requireGroup(store, groupKey) {
	const group = store.find('groups', groupKey, ['key', 'slug']);
	if (!group) throw new ApiError(400, `group_key ${groupKey} not found`);
	return group;
}

export function notFound(what, identifier) {
	return new ApiError(404, `${what} ${identifier} not found`);
}

export function assertUnique(store, collection, field, value, label = field) {
	if (value === undefined || value === null) return;
	if (store.all(collection).some((object) => object[field] === value)) {
		throw new ApiError(CHOICES.duplicateStatus, `${label} ${value} already exists`);
	}
}

/** The group "name with spaces and special characters removed" that list filters take. */
export function slugify(name) {
	return String(name)
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

export function groupFilter(groupOf) {
	return (object, value) => {
		const group = groupOf(object);
		return Boolean(group) && [group.key, group.slug, slugify(group.name)].includes(value);
	};
}

/** The answer of a DELETE that archives: the message, and the archived record when the choice says so. */
export function archivedAnswer(record, message) {
	return CHOICES.archiveAnswersRecord ? { data: record, message } : { message };
}
