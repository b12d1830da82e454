// Partner applications (apply → approve or decline → partnership) and the "Export all records" request.
import { ApiError, listPage } from '../store.mjs';
import { validateBody } from '../validate.mjs';
import { CHOICES } from '../choices.mjs';
import { groupFilter, groupSummary, notFound, requireGroup } from './shared.mjs';
import { createPartnership } from './partnerships.mjs';

/** An application's status, as the list filter names it: `approved` is null until someone decides. */
export function applicationStatus(application) {
	if (application.approved === true) return 'approved';
	if (application.approved === false) return 'declined';
	return 'pending';
}

const APPLICATION_SCHEMA = {
	email: { type: 'string', required: true, format: 'email' },
	first_name: { type: 'string', required: true },
	last_name: { type: 'string', required: true },
	group_key: { type: 'string' },
	mold_key: { type: 'string' },
	business_name: { type: 'string', nullable: true },
	meta: { type: 'object', nullable: true },
};

const { approved: APPROVED, reason: REASON } = CHOICES.applicationDecisionFields;
const DECISION_SCHEMA = {
	[APPROVED]: { type: 'boolean', required: true },
	[REASON]: { type: 'string', nullable: true },
};

const EXPORT_SCHEMA = {
	member_email: { type: 'string', required: true, format: 'email' },
	export_types: { type: 'array', required: true },
};

function approve(context, application, isTest) {
	if (!CHOICES.approvalCreatesPartnership) return {};
	const partnership = createPartnership(
		context,
		{
			email: application.email,
			first_name: application.first_name ?? application.content?.first_name ?? undefined,
			last_name: application.last_name ?? application.content?.last_name ?? undefined,
			...(application.group?.key ? { group_key: application.group.key } : {}),
		},
		isTest || Boolean(application.test),
	);
	return { partnership_key: partnership.key, partner_key: partnership.partner_key };
}

export function applicationRoutes(context) {
	const { store, emit } = context;
	return [
		[
			'GET',
			'/api/v2/applications',
			({ query }) => {
				const status = query.get('status');
				if (status && !['pending', 'approved', 'declined'].includes(status)) {
					throw new ApiError(
						400,
						`'${status}' is not one of ["pending", "approved", "declined"] ('status')`,
					);
				}
				return {
					data: listPage(store.all('applications'), query, {
						status: (a, value) => applicationStatus(a) === value,
						mold_key: (a, value) => a.mold_key === value,
						group: groupFilter((a) => a.group),
						group_key: groupFilter((a) => a.group),
						partner_key: (a, value) => a.partner_key === value,
						email: (a, value) => a.email.toLowerCase() === value.toLowerCase(),
					}),
				};
			},
		],
		[
			'POST',
			'/api/v2/applications',
			({ body, isTest }) => {
				validateBody(body, APPLICATION_SCHEMA);
				const group = body.group_key ? requireGroup(store, body.group_key) : store.all('groups')[0];
				const application = store.insert('applications', 'application', {
					email: body.email,
					first_name: body.first_name,
					last_name: body.last_name,
					content: {
						first_name: body.first_name,
						last_name: body.last_name,
						email: body.email,
						business_name: body.business_name ?? null,
					},
					group: groupSummary(group),
					group_name: group?.name ?? null,
					group_slug: group?.slug ?? null,
					mold_key:
						body.mold_key ??
						store.all('formTemplates').find((t) => t.type === 'application')?.key ??
						null,
					partner_key: null,
					partnership_key: null,
					approved: null,
					decline_reason: null,
					meta: body.meta ?? {},
					archived: false,
					test: isTest,
				});
				emit('application.created', application);
				return { data: application, message: 'Application created' };
			},
		],
		[
			'PATCH',
			'/api/v2/applications/:key/decision',
			({ params, body, isTest }) => {
				validateBody(body, DECISION_SCHEMA);
				const application = store.find('applications', params.key);
				if (!application) throw notFound('application', params.key);
				if (application.approved !== null && application.approved !== undefined) {
					throw new ApiError(
						400,
						`application ${params.key} has already been ${applicationStatus(application)}`,
					);
				}
				const approved = body[APPROVED];
				const links = approved ? approve(context, application, isTest) : {};
				store.touch(application, {
					approved,
					decline_reason: approved ? null : (body[REASON] ?? null),
					...links,
				});
				emit(approved ? 'application.approved' : 'application.declined', application);
				return {
					data: application,
					message: approved ? 'Application approved' : 'Application declined',
				};
			},
		],

		[
			'POST',
			'/api/v2/exports/base-records',
			({ body }) => {
				validateBody(body, EXPORT_SCHEMA);
				const requested = [...new Set(body.export_types)];
				if (!requested.length) throw new ApiError(400, "'export_types' must not be empty");
				const unknown = requested.filter((type) => !CHOICES.exportTypes.includes(type));
				if (unknown.length) {
					throw new ApiError(
						400,
						`${JSON.stringify(unknown[0])} is not one of ${JSON.stringify(CHOICES.exportTypes)} ('export_types')`,
					);
				}
				const accessible = requested.filter((type) => CHOICES.accessibleExportTypes.includes(type));
				if (!accessible.length) {
					throw new ApiError(
						403,
						`None of the requested export types is accessible: ${requested.join(', ')}`,
					);
				}
				const exported = store.insert('exports', 'export', {
					member_email: body.member_email,
					export_types: accessible,
					skipped_types: requested.filter((type) => !accessible.includes(type)),
					status: 'queued',
				});
				return {
					data: exported,
					message: `Export queued; it will be emailed to ${body.member_email}`,
				};
			},
		],
	];
}
