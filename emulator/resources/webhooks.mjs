import { ApiError, listPage } from '../store.mjs';
import { validateBody } from '../validate.mjs';
import { CHOICES } from '../choices.mjs';
import { notFound } from './shared.mjs';

/** Every event the emulator can deliver (the trigger node offers the same list). */
export const EVENTS = [
	'agreement.accepted',
	'application.approved',
	'application.created',
	'application.declined',
	'customer.created',
	'customer.deleted',
	'customer.updated',
	'deal.created',
	'deal.stage_updated',
	'deal.updated',
	'lead.approved',
	'lead.created',
	'lead.declined',
	'lead.updated',
	'partner_team.member_joined',
	'partnership.created',
	'partnership.group_updated',
	'partnership.tags_updated',
	'partnership.updated',
	'training.course_completed',
	'training.learning_path_completed',
	'transaction.created',
];

function targetOf(body) {
	return CHOICES.webhookTargetFields
		.map((field) => body[field])
		.find((value) => value !== undefined);
}

function validateHook(body, { partial }) {
	validateBody(body, {
		target_url: { type: 'string' },
		target: { type: 'string' },
		events: { type: 'array' },
		secret: { type: 'string', nullable: true },
	});
	const target = targetOf(body);
	if (!partial && target === undefined)
		throw new ApiError(400, "'target_url' is a required property");
	if (target !== undefined && !/^https?:\/\/\S+$/.test(target))
		throw new ApiError(400, `'${target}' is not a valid URL ('target_url')`);
	if (!partial && body.events === undefined)
		throw new ApiError(400, "'events' is a required property");
	if (body.events !== undefined) {
		if (!body.events.length) throw new ApiError(400, "'events' must not be empty");
		const unknown = body.events.filter((event) => !EVENTS.includes(event));
		if (unknown.length) throw new ApiError(400, `Unknown events: ${unknown.join(', ')}`);
	}
	return target;
}

/** The API view of a hook: the secret it was registered with is never read back. */
function view(hook) {
	const { secret, ...visible } = hook;
	return { ...visible, target: visible.target_url, signed: Boolean(secret) };
}

export function webhookRoutes({ store }) {
	const findHook = (key) =>
		store.find('webhooks', key) ??
		(() => {
			throw notFound('webhook', key);
		})();
	return [
		[
			'GET',
			'/api/v2/webhooks',
			({ query }) => {
				const page = listPage(store.all('webhooks'), query);
				return { data: { ...page, items: page.items.map(view) } };
			},
		],
		[
			'POST',
			'/api/v2/webhooks',
			({ body }) => {
				const target = validateHook(body, { partial: false });
				const hook = store.insert('webhooks', 'webhook', {
					target_url: target,
					events: [...new Set(body.events)],
					archived: false,
					secret: body.secret ?? null,
				});
				return { data: view(hook), message: 'Webhook created' };
			},
		],
		['GET', '/api/v2/webhooks/:key', ({ params }) => ({ data: view(findHook(params.key)) })],
		[
			'PATCH',
			'/api/v2/webhooks/:key',
			({ params, body }) => {
				const target = validateHook(body, { partial: true });
				const hook = findHook(params.key);
				if (hook.archived) throw notFound('webhook', params.key);
				store.touch(hook, {
					...(target !== undefined ? { target_url: target } : {}),
					...(body.events ? { events: [...new Set(body.events)] } : {}),
				});
				return { data: view(hook), message: 'Webhook updated' };
			},
		],
		[
			'DELETE',
			'/api/v2/webhooks/:key',
			({ params }) => {
				const hook = findHook(params.key);
				store.touch(hook, { archived: true });
				return { message: 'Webhook archived' };
			},
		],
	];
}
