// The references stage: the import's checks against PartnerStack, before any write: each valid row's references
// (partner, customer, transaction, tier, group, deal stage), each distinct key looked up once per run. The
// group's lead form is read here too, before the file (the header stage needs it).
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listTiers, TierIndex } from '../../helpers/tiers';
import { listItems, partnerStackAllItems, partnerStackRequest } from '../../transport';
import type { RequestPacer } from '../../transport/concurrency';
import { MISSING_REASON, ReferenceCache, type ReferenceKind } from '../referenceCache';
import { SCHEMAS } from '../schemas';
import type { ImportSettings } from '../settings';
import type { LeadForm } from './header';
import type { RowResult, ValidRow } from './rows';

/** A dry run could not ask PartnerStack: the item fails, no row is marked failed (a dry run only says valid or skipped). */
export class ReferenceCheckError extends Error {}

/** The group's lead form: its required fields become required columns (docs/import-rules.md#leads). */
export async function leadFormFields(
	node: IExecuteFunctions,
	settings: ImportSettings,
): Promise<LeadForm | undefined> {
	const envelope = await partnerStackRequest.call(node, 'GET', '/leads/form-templates', {
		qs: { group_key: settings.groupKey },
	});
	const templates = listItems(envelope.data).items;
	if (!templates.length) return undefined;
	const fields = templates.flatMap(
		(template) => (template.fields as IDataObject[] | undefined) ?? [],
	);
	const nameOf = (field: IDataObject) => String(field.api_name ?? field.name ?? '').toLowerCase();
	return {
		required: fields
			.filter((field) => field.required === true)
			.map(nameOf)
			.filter(Boolean),
		known: new Set(fields.map(nameOf)),
	};
}

/**
 * The references stage: rows whose partner, customer, group or stage is not in PartnerStack are skipped, rows
 * whose lookup failed are failed (`settled`); the others are `kept`, with the partner they point at and their
 * tier and group as keys.
 */
export async function checkReferences(
	node: IExecuteFunctions,
	settings: ImportSettings,
	rows: ValidRow[],
	pacer: RequestPacer,
): Promise<{ kept: ValidRow[]; settled: RowResult[] }> {
	if (settings.mode === 'validate' && !settings.checkReferences) return { kept: rows, settled: [] };
	const schema = SCHEMAS[settings.objectType];
	const cache = new ReferenceCache(node, pacer, settings.concurrency);
	const wanted = (row: ValidRow) => {
		const refs: Array<{ kind: ReferenceKind; key: string; column: string }> = [];
		for (const field of schema.fields) {
			const value = row.values[field.name];
			if (field.reference && value !== undefined && value !== '')
				refs.push({ kind: field.reference, key: String(value), column: field.name });
		}
		if (row.values.target_type === 'customer')
			refs.push({ kind: 'customer', key: String(row.values.target_key), column: 'target_key' });
		return refs;
	};
	await cache.resolve(rows.flatMap(wanted));
	const groups = await groupKeys(node, settings, rows, pacer);
	const tiers = rows.some((row) => row.values.partner_tier !== undefined)
		? new TierIndex(await listTiers.call(node, pacer))
		: undefined;
	const transactions = await transactionKeys(node, rows, pacer);
	const stages = await dealStages(node, settings, pacer);

	const kept: ValidRow[] = [];
	const settled: RowResult[] = [];
	for (const valid of rows) {
		// The stage's own copy: the row as the rows stage answered it stays as it was.
		const row: ValidRow = { ...valid, values: { ...valid.values } };
		const problems: string[] = [];
		let failure: string | undefined;
		for (const ref of wanted(row)) {
			const lookup = cache.get(ref.kind, ref.key)!;
			if ('error' in lookup)
				failure = `looking up ${ref.column} ${ref.key} failed: ${lookup.error}`;
			else if ('missing' in lookup) problems.push(MISSING_REASON[ref.kind](ref.key));
			else if (ref.kind !== 'customer') row.partner = lookup.found;
		}
		if (
			row.values.target_type === 'transaction' &&
			!transactions!.has(String(row.values.target_key))
		) {
			problems.push(`transaction ${row.values.target_key} not found`);
		}
		const tier = row.values.partner_tier;
		if (tier !== undefined) {
			const key = tiers!.keyOf(String(tier));
			if (key) row.values.partner_tier = key;
			else problems.push(`partner_tier ${tier} not found`);
		}
		const group = row.values.partner_group;
		if (group !== undefined) {
			const key = groups.get(String(group).toLowerCase());
			if (key) row.values.partner_group = key;
			else problems.push(`partner_group ${group} not found`);
		}
		if (stages && !stages.has(String(row.values.stage)))
			problems.push(`stage ${row.values.stage} is not a deal stage of the group`);
		// A dry run answers valid or skipped only: PartnerStack out of reach fails the item, with the reason.
		if (failure && settings.mode === 'validate')
			throw new ReferenceCheckError(`Checking references in PartnerStack failed: ${failure}`);
		if (failure) settled.push({ row: row.row, status: 'failed', reason: failure });
		else if (problems.length)
			settled.push({ row: row.row, status: 'skipped', reason: problems.join('; ') });
		else kept.push(row);
	}
	return { kept, settled };
}

/**
 * Reward targets of type transaction: the API has no read of one transaction, so the list is read once per
 * run (only when a row needs it) and the keys are kept.
 */
async function transactionKeys(node: IExecuteFunctions, rows: ValidRow[], pacer: RequestPacer) {
	if (!rows.some((row) => row.values.target_type === 'transaction')) return undefined;
	const keys = new Set<string>();
	for (const transaction of await partnerStackAllItems.call(node, '/transactions', {}, Infinity, {
		pacer,
	}))
		keys.add(String(transaction.key));
	return keys;
}

async function groupKeys(
	node: IExecuteFunctions,
	settings: ImportSettings,
	rows: ValidRow[],
	pacer: RequestPacer,
) {
	const byName = new Map<string, string>();
	if (!rows.some((row) => row.values.partner_group !== undefined)) return byName;
	for (const group of await partnerStackAllItems.call(node, '/groups', {}, Infinity, { pacer })) {
		for (const name of [group.key, group.slug, group.name])
			if (name) byName.set(String(name).toLowerCase(), String(group.key));
	}
	return byName;
}

async function dealStages(node: IExecuteFunctions, settings: ImportSettings, pacer: RequestPacer) {
	if (settings.objectType !== 'deals') return undefined;
	const envelope = await partnerStackRequest.call(node, 'GET', '/sales-cycles/deal/stages', {
		qs: { group_key: settings.groupKey },
		pacer,
	});
	const stages = listItems(envelope.data).items;
	return stages.length
		? new Set(stages.flatMap((stage) => [String(stage.name), String(stage.key)]))
		: undefined;
}
