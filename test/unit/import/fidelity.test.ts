/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// Nothing a user validated is lost: for every object type, a file that fills every column of its schema with a
// distinctive value is imported row by row and in bulk; each cell is then found where the schema says it is
// written (the emulator's request log, the uploaded file), or named by a warning when API v2 cannot carry it.
// The fixture must cover every schema column, so a column added without a writer (or a fixture) fails here.
import {
	SCHEMAS,
	v2PathsOf,
	type ImportObjectType,
} from '../../../nodes/PartnerStack/import/schemas';
import { transform } from '../../../nodes/PartnerStack/vendor/csvParse';
import { DEMO, DEMO_TIERS, runImportNode, startEmulator } from '../../support/node';

const emulator = startEmulator();
beforeEach(async () => {
	await emulator.reset({ ...DEMO, tiers: DEMO_TIERS });
});

/** A cell as written in the file, and (when it differs) the value API v2 must receive for it. */
type Cell = string | [text: string, sent: unknown];
type FixtureRow = Record<string, Cell>;

const epoch = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Rows of one file; one-of pairs are split over two rows (a row may only fill one of them). */
const FIXTURES: Record<
	ImportObjectType,
	{ rows: FixtureRow[]; createPath: string; groupKey?: string }
> = {
	partners: {
		createPath: '/api/v2/partnerships',
		rows: [
			{
				partner_first: 'Fidelia',
				partner_last: 'Quist',
				partner_email: 'fidelia.quist@fid.example',
				partner_group: ['Affiliates', 'grup_Affiliates0001'],
				partner_tier: ['gold', 'tier_Gold0000000001'],
				partner_joined_date: '2019-03-14',
				partner_key: 'fid-partner-1',
				partner_phone_number: '+1 555 0100 77',
				shipping_address_city: 'Fidcity',
				shipping_address_country: 'Fidland',
				shipping_address_line1: '1 Fid Street',
				shipping_address_line2: 'Fid Unit 9',
				shipping_address_postal: 'FID 123',
				shipping_address_state: 'Fidstate',
				tags: ['fid-a, fid-b', ['fid-a', 'fid-b']],
			},
		],
	},
	customers: {
		createPath: '/api/v2/customers',
		rows: [
			{
				customer_key: 'fid-cus-1',
				email: 'fid.customer@fid.example',
				partner_key: 'ada',
				name: 'Fid Customer',
				created_at: '2018-07-09',
				company_name: 'Fid Company',
				provider_key: 'cus_fidprovider',
				state: 'Fidstate',
				city: 'Fidcity',
				unit: 'Fid Unit 3',
				region: 'Fidregion',
				primary: ['TRUE', true],
				postal: 'FID 456',
			},
		],
	},
	transactions: {
		createPath: '/api/v2/transactions',
		rows: [
			{
				customer_key: ['acme', 'acme'],
				amount_in_cents: ['12345', 12345],
				created_at: ['2021-06-07', epoch('2021-06-07')],
				currency: ['cad', 'CAD'],
				key: 'fid-txn-1',
				product_key: 'fid-product',
			},
			{ customer_key: 'acme', amount_in_dollars: ['67.89', 6789], key: 'fid-txn-2' },
		],
	},
	rewards: {
		createPath: '/api/v2/rewards',
		rows: [
			{
				partner_email: ['ada@example.com', 'ada'],
				target_type: 'customer',
				target_key: 'acme',
				amount_in_cents: ['4321', 4321],
				body: 'Fid reward one',
				created_at: ['1636077035000', 1636077035000],
				currency: ['eur', 'EUR'],
				status: 'approved',
				decline_reason: 'Fid decline reason',
				is_external: 'true',
			},
			{
				partner_key: 'ada',
				target_type: 'transaction',
				target_key: 'fid-seed-txn',
				amount_in_dollars: ['9.87', 987],
				body: 'Fid reward two',
			},
		],
	},
	deals: {
		createPath: '/api/v2/deals',
		groupKey: 'grup_Resellers00001',
		rows: [
			{
				amount_in_cents: ['55500', 55500],
				close_date: '2027-01-31',
				external_key: 'fid-deal-1',
				stage: 'New',
				partner_key: 'ada',
				account_name: 'Fid Account',
				contact_first_name: 'Fidcontact',
				contact_last_name: 'Lastfid',
				created_at: '2020-02-02',
			},
			{
				amount_in_dollars: ['77.70', 7770],
				close_date: '2027-02-28',
				external_key: 'fid-deal-2',
				stage: 'Closed Won',
			},
		],
	},
	leads: {
		createPath: '/api/v2/leads',
		groupKey: 'grup_Affiliates0001',
		rows: [
			{
				partner_key: 'grace',
				email: 'fid.lead@fid.example',
				first_name: 'Fidlead',
				last_name: 'Leadfid',
				status: 'closed won',
			},
		],
	},
};

const textOf = (cell: Cell) => (Array.isArray(cell) ? cell[0] : cell);
const sentOf = (cell: Cell) => (Array.isArray(cell) ? cell[1] : cell);

function csvOf(objectType: ImportObjectType) {
	const columns = SCHEMAS[objectType].fields.map((field) => field.name);
	const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
	const lines = [
		columns.join(','),
		...FIXTURES[objectType].rows.map((row) =>
			columns.map((name) => quote(row[name] === undefined ? '' : textOf(row[name]))).join(','),
		),
	];
	return `${lines.join('\n')}\n`;
}

function at(body: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], body);
}

function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	const parser = transform({ relax_column_count: true });
	const push = (record: unknown) => records.push(record as string[]);
	parser.parse(Buffer.from(text), false, push, () => {});
	parser.parse(undefined, true, push, () => {});
	return records;
}

async function prepare(objectType: ImportObjectType) {
	// A reward's transaction target must exist.
	if (objectType === 'rewards')
		await emulator.api('POST', '/api/v2/transactions', {
			customer_external_key: 'acme',
			amount: 100,
			currency: 'USD',
			key: 'fid-seed-txn',
		});
	await emulator.clearRequests();
}

describe.each(Object.keys(SCHEMAS) as ImportObjectType[])('%s', (objectType) => {
	const schema = SCHEMAS[objectType];
	const fixture = FIXTURES[objectType];

	it('every column has exactly one way to be written row by row, and the fixture fills every column', () => {
		for (const field of schema.fields) {
			expect([field.name, Boolean(field.v2) !== Boolean(field.unwritable)]).toEqual([
				field.name,
				true,
			]);
			expect([field.name, fixture.rows.some((row) => row[field.name] !== undefined)]).toEqual([
				field.name,
				true,
			]);
		}
	});

	// Leads have no bulk endpoint: bulk writes them row by row, so they are checked the same way in both modes.
	it.each(schema.bulkType ? ['rowByRow'] : ['rowByRow', 'bulk'])(
		'%s through API v2: each cell reaches its field, or a warning names its column and it is sent nowhere',
		async (mode) => {
			await prepare(objectType);
			const { json, rows } = await runImportNode(emulator, csvOf(objectType), {
				objectType,
				mode,
				groupKey: fixture.groupKey,
				options: { unwritableColumns: 'skip', concurrency: 1 },
			});
			expect(rows.map((row) => [row.status, row.reason])).toEqual(
				fixture.rows.map(() => ['imported', 'created']),
			);
			const log = await emulator.requests();
			const creates = log.filter(
				(request) => request.method === 'POST' && request.path === fixture.createPath,
			);
			expect(creates).toHaveLength(fixture.rows.length);
			const everythingSent = JSON.stringify(log.map((request) => request.body ?? null));
			fixture.rows.forEach((row, index) => {
				for (const field of schema.fields) {
					const cell = row[field.name];
					if (cell === undefined) continue;
					if (field.unwritable) {
						expect(json.warnings).toContainEqual(expect.stringContaining(`column ${field.name} (`));
						if (field.kind === 'string')
							expect([field.name, everythingSent.includes(textOf(cell))]).toEqual([
								field.name,
								false,
							]);
						continue;
					}
					for (const path of v2PathsOf(field)) {
						expect([field.name, path, at(creates[index].body, path)]).toEqual([
							field.name,
							path,
							sentOf(cell),
						]);
					}
				}
			});
			const columnWarnings = (json.warnings as string[]).filter((warning) =>
				warning.startsWith('column '),
			);
			expect(columnWarnings).toHaveLength(schema.fields.filter((field) => field.unwritable).length);
		},
	);

	if (schema.bulkType)
		it('bulk: the uploaded file carries every column and every cell as read', async () => {
			await prepare(objectType);
			const { json } = await runImportNode(emulator, csvOf(objectType), {
				objectType,
				mode: 'bulk',
				groupKey: fixture.groupKey,
			});
			expect(json).toMatchObject({
				imported: fixture.rows.length,
				skipped: 0,
				failed: 0,
				warnings: [],
			});
			const { imports } = await emulator.admin<{
				imports: Array<{ type: string; content: string }>;
			}>('GET', '/imports');
			expect(imports).toHaveLength(1);
			const [header, ...uploaded] = parseCsv(imports[0].content);
			expect(header).toEqual(schema.fields.map((field) => field.name));
			expect(uploaded).toEqual(
				fixture.rows.map((row) =>
					header.map((name) => (row[name] === undefined ? '' : textOf(row[name]))),
				),
			);
		});
});
