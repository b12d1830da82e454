import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Redeliveries. PartnerStack may send a delivery again; a redelivery repeats the body byte for byte. So a
 * delivery is known by a SHA-256 of its exact raw body, not by a guess at identity fields: payloads of some
 * families have no `key` or `updated_at` (a team join, a training completion), and two distinct events of one
 * object must both run.
 */

/** How many recent bodies are remembered at most, so the static data (saved with every run) stays small. */
export const MAX_REMEMBERED_DELIVERIES = 1000;

const RECORD = 'recentDeliveryHashes';
/** The record of earlier versions (identity fields, not hashes), dropped on the next delivery. */
const OLD_RECORD = 'recentDeliveries';

/**
 * The fingerprint of a delivery: its raw body as n8n received it. n8n keeps the raw bytes of a JSON request
 * (`rawBody`); when they are missing, the parsed body serialised again stands in (same payload, same text).
 */
export function deliveryFingerprint(rawBody: Buffer | string | undefined, body: unknown): string {
	const bytes =
		rawBody !== undefined && rawBody.length > 0 ? rawBody : JSON.stringify(body ?? null);
	return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * What this process saw, per registered hook. n8n loads a workflow's static data when a request arrives and
 * saves it after the node answered, whole: of deliveries arriving together, each saves only its own record
 * and the last save wins. So the record is also kept here and merged into the static data of every delivery:
 * a redelivery reaching this process is recognised, and the next save writes back what a concurrent one lost.
 * The static data stays the record every process shares (queue mode, restarts).
 */
const seenInProcess = new Map<string, Record<string, number>>();
const MAX_SCOPES_IN_PROCESS = 500;

function withinLimits(
	seen: Record<string, number>,
	windowMs: number,
	now: number,
): Record<string, number> {
	const recent = Object.entries(seen).filter(([, at]) => now - at <= windowMs);
	recent.sort(([, a], [, b]) => a - b);
	return Object.fromEntries(recent.slice(Math.max(0, recent.length - MAX_REMEMBERED_DELIVERIES)));
}

/**
 * Remembers recent deliveries in the workflow's static data (kept in n8n's database, so it holds across
 * processes, restarts and queue-mode workers) and in this process, under `scope` (the registered hook).
 * Answers true the first time a fingerprint is seen within the window, counted from its first receipt. Past
 * MAX_REMEMBERED_DELIVERIES the oldest are forgotten: a very late redelivery may then run again, but a
 * distinct event is never dropped.
 */
export function firstDelivery(
	staticData: IDataObject,
	fingerprint: string,
	windowMs: number,
	scope: string,
	now = Date.now(),
): boolean {
	delete staticData[OLD_RECORD];
	const merged: Record<string, number> = { ...(seenInProcess.get(scope) ?? {}) };
	for (const [key, at] of Object.entries(
		(staticData[RECORD] as Record<string, number> | undefined) ?? {},
	)) {
		merged[key] = Math.min(at, merged[key] ?? at);
	}
	const seen = withinLimits(merged, windowMs, now);
	const first = seen[fingerprint] === undefined;
	const record = first ? withinLimits({ ...seen, [fingerprint]: now }, windowMs, now) : seen;
	staticData[RECORD] = record;
	seenInProcess.delete(scope);
	seenInProcess.set(scope, { ...record });
	if (seenInProcess.size > MAX_SCOPES_IN_PROCESS)
		seenInProcess.delete(seenInProcess.keys().next().value!);
	return first;
}
