// Every behaviour that partnerstack-api.md marks unknown ([?]) is decided here, once, and listed in the README.
// Change a choice here and the whole emulator follows.

export const CHOICES = Object.freeze({
	/** Key pairs the emulator accepts. Objects created with the test pair carry `test: true`. */
	keys: {
		production: { publicKey: 'pk_live_emulator', secretKey: 'sk_live_emulator' },
		test: { publicKey: 'pk_test_emulator', secretKey: 'sk_test_emulator' },
	},
	/** The built-in test partner every program has. */
	testPartnerKey: 'gstest',
	/** Message of a 401: the real text is not documented. */
	unauthorizedMessage: 'Unauthorized: invalid or missing API keys',
	/** Lists hide archived objects unless `include_archived=true`; a GET by key still returns them. */
	listsIncludeArchived: false,
	/** Key prefixes not seen in PartnerStack samples (the others are: part, grup, stck, appl, mold). */
	keyPrefixes: {
		partnership: 'part',
		group: 'grup',
		team: 'stck',
		application: 'appl',
		formTemplate: 'mold',
		customer: 'cust',
		transaction: 'tran',
		reward: 'rwrd',
		action: 'actn',
		deal: 'deal',
		lead: 'lead',
		webhook: 'whk',
		file: 'file',
		stage: 'stge',
		member: 'mmbr',
		tier: 'tier',
		export: 'expt',
	},
	/** `GET /partnerships/{id}` accepts the partnership key, the partner_key or the email. */
	partnershipLookupFields: ['key', 'partner_key', 'email'],
	/** `GET /customers/{id}` accepts the vendor's customer_key, then PartnerStack's internal key (not the email). */
	customerLookupFields: ['customer_key', 'key'],
	/** Deals and leads are found by key or external_key (documented for both). */
	dealLookupFields: ['key', 'external_key'],
	leadLookupFields: ['key', 'external_key'],
	/**
	 * POST /transactions: `customer_key` is PartnerStack's internal customer key, `customer_external_key` the
	 * vendor's customer_key (as the API file states); the internal key is also accepted as a fallback lookup
	 * of customer_key values, because many vendors only know their own key.
	 */
	transactionCustomerKeyAlsoMatchesExternal: true,
	/** A duplicate unique key (partner_key, customer_key, transaction key, lead external_key) is a 400. */
	duplicateStatus: 400,
	/** PATCH /partnerships/{key}/tags body: `{ add: string[], remove: string[] }` (also `tags_to_add`/`tags_to_remove`). */
	tagsBodyFields: { add: ['add', 'tags_to_add'], remove: ['remove', 'tags_to_remove'] },
	/** Rewards may also target a partnership (`target.type = "partnership"`, key = partner_key). */
	rewardTargetTypes: ['customer', 'transaction', 'partnership'],
	/** A production transaction with a positive amount generates a pending reward of this share (test ones none). */
	rewardShareOfTransaction: 0.2,
	/** Sales-cycle stages and lead/deal form templates answer `data` as a plain array. */
	stagesAsArray: true,
	/** Deal files are served under both `/api/v2/deals/...` and `/api/deals/...` (the prefix is unconfirmed). */
	dealFileUrlTtlMs: 5 * 60 * 1000,
	/** Webhook registration: `target_url`, with `target` accepted as an alias; both are echoed back. */
	webhookTargetFields: ['target_url', 'target'],
	/** The `event` value in a delivery is the subscribed dot name (the docs show both forms). */
	deliveredEventName: (dotName) => dotName,
	/** Deliveries are unsigned, unless the hook was registered with a `secret`: then this non-standard header. */
	signatureHeader: 'x-partnerstack-signature',
	/** Delivery attempts on a network error or a non-2xx answer, and the pause between them. */
	deliveryAttempts: 3,
	deliveryRetryDelayMs: 500,
	deliveryTimeoutMs: 5000,
	/**
	 * Rate limit (undocumented; the 4 000/min figure comes from third parties): a sliding window over the last
	 * minute by default; faults can switch to a token bucket (`rateLimiter: "bucket"`, `rateLimitBurst`).
	 */
	defaultRateLimitPerMinute: 4000,
	defaultRateLimiter: 'window',
	/** 429s carry `Retry-After` (seconds) unless faults say `retryAfter: "never"`, or every other time with "alternate". */
	defaultRetryAfter: 'always',
	/** Data Import API answer (the real one processes the file later and reports by email). */
	importMessage: (fileName) => `File ${fileName} uploaded successfully and is being processed`,
	importTypes: ['partners', 'customers', 'transactions', 'rewards', 'deals'],
	/**
	 * PATCH /applications/{key}/decision body: `{ "approved": true }` or `{ "approved": false, "decline_reason": "…" }`
	 * (the fields the application object itself carries). Deciding an application twice is a 400.
	 */
	applicationDecisionFields: { approved: 'approved', reason: 'decline_reason' },
	/** Approving an application creates the partnership (in the application's group) and links it. */
	approvalCreatesPartnership: true,
	/** Record types of POST /exports/base-records (the files of the dashboard's "Export all records"). */
	exportTypes: [
		'partners',
		'applications',
		'customers',
		'transactions',
		'rewards',
		'deals',
		'leads',
	],
	/**
	 * The types this program's keys may export: leads and deals exports need a plan that has them, and the
	 * emulated program has not. A request of only inaccessible types is a 403; a mix exports the accessible ones.
	 */
	accessibleExportTypes: ['partners', 'applications', 'customers', 'transactions', 'rewards'],
	/** DELETE of an archivable record (partnership, customer, deal, lead, action) answers the archived record in `data`. */
	archiveAnswersRecord: true,
});
