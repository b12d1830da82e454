/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// What the import's stage tests share: a dry run's rows against the expected status and reason, the error of a
// run that stops, the usual headers, a customers file.
import type { EmulatorProcess } from '../../support/emulator';
import { runImportNode } from '../../support/node';

export type Expectation = [status: 'valid' | 'skipped', reason?: string | RegExp];

/** `expectRows(objectType, csv, expected)` on this emulator: a dry run, every row's status and reason as expected. */
export function rowExpectations(emulator: EmulatorProcess) {
	return async function expectRows(
		objectType: string,
		csv: string,
		expected: Expectation[],
		parameters = {},
	) {
		const { rows } = await runImportNode(emulator, csv, {
			objectType,
			groupKey: 'grup_Resellers00001',
			...parameters,
		});
		expect(rows.map((r) => r.status)).toEqual(expected.map(([status]) => status));
		expected.forEach(([, reason], index) => {
			if (reason === undefined) expect(rows[index].reason).toBe('');
			else if (typeof reason === 'string') expect(rows[index].reason).toBe(reason);
			else expect(rows[index].reason).toMatch(reason);
		});
		return rows;
	};
}

/** `stop(objectType, csv)` on this emulator: the error of a run that stops (continueOnFail answers it). */
export function importErrors(emulator: EmulatorProcess) {
	return async (objectType: string, csv: string, parameters = {}) => {
		const { json } = await runImportNode(
			emulator,
			csv,
			{ objectType, groupKey: 'grup_Resellers00001', ...parameters },
			{ continueOnFail: true },
		);
		return String(json.error);
	};
}

export const PARTNERS = 'partner_first,partner_last,partner_email';
export const CUSTOMERS = 'customer_key,email,partner_key';
export const LEADS = 'partner_key,email,first_name,last_name,status';

export function customersCsv(count: number, start = 0) {
	const lines = ['customer_key,email,partner_key,name,company_name'];
	for (let n = start; n < start + count; n++)
		lines.push(`k${n},c${n}@x.example,${n % 2 ? 'ada' : 'grace'},Customer ${n},Co ${n}`);
	return `${lines.join('\n')}\n`;
}

/** Imported + skipped + failed of a run's summary: every row must be in exactly one of them. */
export const rowsAccountedFor = (json: Record<string, unknown>) =>
	Number(json.imported) + Number(json.skipped) + Number(json.failed);

/** The requests that wrote (everything but GETs) this emulator received. */
export const writesTo = (emulator: EmulatorProcess) => async () =>
	(await emulator.requests()).filter((request) => request.method !== 'GET');
