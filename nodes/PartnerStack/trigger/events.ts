import type { INodePropertyOptions } from 'n8n-workflow';

/** The events the trigger can subscribe to (contract.md), grouped by the object they concern. */
export const TRIGGER_EVENTS: INodePropertyOptions[] = [
	{ name: 'Application Approved', value: 'application.approved' },
	{ name: 'Application Created', value: 'application.created' },
	{ name: 'Application Declined', value: 'application.declined' },
	{ name: 'Customer Created', value: 'customer.created' },
	{
		name: 'Customer Deleted',
		value: 'customer.deleted',
		description: 'PartnerStack archived the customer',
	},
	{ name: 'Customer Updated', value: 'customer.updated' },
	{ name: 'Deal Created', value: 'deal.created' },
	{ name: 'Deal Stage Updated', value: 'deal.stage_updated' },
	{ name: 'Deal Updated', value: 'deal.updated' },
	{ name: 'Lead Approved', value: 'lead.approved' },
	{ name: 'Lead Created', value: 'lead.created' },
	{ name: 'Lead Declined', value: 'lead.declined' },
	{ name: 'Lead Updated', value: 'lead.updated' },
	{ name: 'Partner Team Member Joined', value: 'partner_team.member_joined' },
	{ name: 'Partnership Created', value: 'partnership.created' },
	{ name: 'Partnership Group Updated', value: 'partnership.group_updated' },
	{ name: 'Partnership Tags Updated', value: 'partnership.tags_updated' },
	{ name: 'Partnership Updated', value: 'partnership.updated' },
	{ name: 'Training Course Completed', value: 'training.course_completed' },
	{ name: 'Training Learning Path Completed', value: 'training.learning_path_completed' },
	{ name: 'Transaction Created', value: 'transaction.created' },
];

const DOT_NAMES = TRIGGER_EVENTS.map((event) => String(event.value));
/** PartnerStack's v1 payloads name events with underscores (`partnership_created`): both forms are understood. */
const BY_UNDERSCORE_NAME = new Map(DOT_NAMES.map((name) => [name.replace('.', '_'), name]));

export function normaliseEventName(event: unknown): string | undefined {
	if (typeof event !== 'string') return undefined;
	if (DOT_NAMES.includes(event)) return event;
	return BY_UNDERSCORE_NAME.get(event);
}
