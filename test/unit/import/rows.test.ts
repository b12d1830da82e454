/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code, not node code */
// The rows stage (import/stages/rows.ts): every rule of docs/import-rules.md, both sides, and duplicates within
// one file, through the import node in validate mode (no writes).
import { DEMO, runImportNode, startEmulator } from '../../support/node';
import { CUSTOMERS, LEADS, PARTNERS, rowExpectations } from './support';

const emulator = startEmulator();
beforeAll(async () => {
	await emulator.reset(DEMO);
});
const expectRows = rowExpectations(emulator);

describe('value kinds', () => {
	it('email: one @, a local part, a dotted domain with no empty label, no spaces; non-ASCII allowed', async () => {
		await expectRows(
			'customers',
			`${CUSTOMERS}\nc1,ok@example.com,ada\nc2,josé@exämple.co.uk,ada\nc3,no-at.example.com,ada\nc4,a@.com,ada\nc5,a@b.,ada\nc6,a@b..com,ada\nc7,a b@c.com,ada\nc8,@c.com,ada\nc9,a@b,ada\n`,
			[
				['valid'],
				['valid'],
				['skipped', 'email is not a valid email ("no-at.example.com")'],
				['skipped', /not a valid email/],
				['skipped', /not a valid email/],
				['skipped', /not a valid email/],
				['skipped', /not a valid email/],
				['skipped', /not a valid email/],
				['skipped', /not a valid email/],
			],
		);
	});

	it('date: YYYY-MM-DD and a real calendar date', async () => {
		await expectRows(
			'customers',
			`${CUSTOMERS},created_at\nc1,a@b.co,ada,2020-12-25\nc2,a2@b.co,ada,2024-02-29\nc3,a3@b.co,ada,2021-02-30\nc4,a4@b.co,ada,25/12/2020\nc5,a5@b.co,ada,2020-1-5\n`,
			[
				['valid'],
				['valid'],
				['skipped', 'created_at must be a date as YYYY-MM-DD ("2021-02-30")'],
				['skipped', /created_at must be a date/],
				['skipped', /created_at must be a date/],
			],
		);
	});

	it('cents: whole numbers; the minus only for transactions; 007 is 7', async () => {
		await expectRows(
			'transactions',
			'customer_key,amount_in_cents\nacme,40000\nacme,-500\nacme,007\nacme,+500\nacme,10.0\nacme,1e3\nacme,"1,000"\nacme,50000000001\n',
			[
				['valid'],
				['valid'],
				['valid'],
				['skipped', 'amount_in_cents must be a whole number of cents ("+500")'],
				['skipped', /whole number of cents/],
				['skipped', /whole number of cents/],
				['skipped', /whole number of cents/],
				['skipped', 'amount_in_cents is out of range ("50000000001")'],
			],
		);
		await expectRows('rewards', 'partner_key,amount_in_cents,body\nada,1000,x\nada,-1,y\n', [
			['valid'],
			['skipped', 'amount_in_cents must be a whole number of cents (not negative) ("-1")'],
		]);
	});

	it('dollars: at most two decimals, no symbols or separators', async () => {
		await expectRows(
			'transactions',
			'customer_key,amount_in_dollars\nacme,10\nacme,10.5\nacme,10.10\nacme,-3.07\nacme,$10\nacme,"1,000.00"\nacme,"10,50"\nacme,.5\nacme,10.\nacme,+10\nacme,10.005\n',
			[
				['valid'],
				['valid'],
				['valid'],
				['valid'],
				[
					'skipped',
					'amount_in_dollars must be dollars with at most 2 decimals, like 10.50 ("$10")',
				],
				['skipped', /at most 2 decimals/],
				['skipped', /at most 2 decimals/],
				['skipped', /at most 2 decimals/],
				['skipped', /at most 2 decimals/],
				['skipped', /at most 2 decimals/],
				['skipped', /at most 2 decimals/],
			],
		);
		await expectRows(
			'deals',
			'amount_in_dollars,close_date,external_key,stage\n-5,2026-01-01,d1,New\n5.25,2026-01-01,d2,New\n',
			[['skipped', /at most 2 decimals/], ['valid']],
		);
	});

	it('currency: three letters in any case', async () => {
		await expectRows(
			'transactions',
			'customer_key,amount_in_cents,currency\nacme,1,usd\nacme,1,CAD\nacme,1,US\nacme,1,USDX\nacme,1,U$D\n',
			[
				['valid'],
				['valid'],
				['skipped', 'currency must be a three-letter currency code ("US")'],
				['skipped', /three-letter/],
				['skipped', /three-letter/],
			],
		);
	});

	it('boolean: true/false/1/0 in any case', async () => {
		await expectRows(
			'customers',
			`${CUSTOMERS},primary\nc1,a@b.co,ada,TRUE\nc2,b@b.co,ada,false\nc3,c@b.co,ada,1\nc4,d@b.co,ada,0\nc5,e@b.co,ada,yes\n`,
			[
				['valid'],
				['valid'],
				['valid'],
				['valid'],
				['skipped', 'primary must be true or false ("yes")'],
			],
		);
	});

	it('enums are exact and lower case', async () => {
		await expectRows(
			'leads',
			`${LEADS}\nada,l1@x.co,A,B,open\nada,l2@x.co,A,B,closed won\nada,l3@x.co,A,B,Open\nada,l4@x.co,A,B,won\n`,
			[
				['valid'],
				['valid'],
				['skipped', 'status must be one of open, closed, dead, closed won, closed lost ("Open")'],
				['skipped', /status must be one of/],
			],
		);
		await expectRows(
			'rewards',
			'partner_key,amount_in_cents,body,status,target_type,target_key\nada,1,x,paid,,\nada,1,y,Pending,,\nada,1,z,pending,order,o1\n',
			[
				['valid'],
				['skipped', /status must be one of pending, declined, hold, approved, paid/],
				['skipped', /target_type must be one of customer, transaction/],
			],
		);
	});

	it('epoch ms or date for reward created_at', async () => {
		await expectRows(
			'rewards',
			'partner_key,amount_in_cents,body,created_at\nada,1,a,1636077035000\nada,1,b,2021-11-05\nada,1,c,1636077035.5\nada,1,d,Nov 5\n',
			[
				['valid'],
				['valid'],
				['skipped', /milliseconds since the epoch or a date/],
				['skipped', /milliseconds since the epoch or a date/],
			],
		);
	});

	it('lengths in characters', async () => {
		await expectRows(
			'partners',
			`${PARTNERS}\n${'é'.repeat(50)},L,a@b.co\n${'x'.repeat(51)},L,b@b.co\n`,
			[['valid'], ['skipped', 'partner_first is longer than 50 characters']],
		);
		await expectRows(
			'customers',
			`${CUSTOMERS},name\nc1,a@b.co,ada,${'n'.repeat(100)}\nc2,b@b.co,ada,${'n'.repeat(101)}\n`,
			[['valid'], ['skipped', 'name is longer than 100 characters']],
		);
	});

	it('deal contact names may be 255 characters (only partner and lead names stop at 50)', async () => {
		const long = 'x'.repeat(255);
		const csv = `amount_in_cents,close_date,external_key,stage,contact_first_name,contact_last_name\n1,2026-01-01,d1,New,${long},${long}\n2,2026-01-01,d2,New,${long}x,\n`;
		const { rows } = await runImportNode(emulator, csv, {
			objectType: 'deals',
			groupKey: 'grup_Resellers00001',
		});
		expect(rows.map((row) => [row.status, row.reason])).toEqual([
			['valid', ''],
			['skipped', 'contact_first_name is longer than 255 characters'],
		]);
	});

	it('tags are split on commas, trimmed, empty ones dropped', async () => {
		const { rows } = await runImportNode(
			emulator,
			`${PARTNERS},tags\nA,B,a@b.co,"tag1, tag2 ,,tag3"\n`,
			{ objectType: 'partners' },
		);
		expect(rows[0]).toMatchObject({
			status: 'valid',
			cells: ['A', 'B', 'a@b.co', 'tag1, tag2 ,,tag3'],
		});
	});
});

describe('required, one-of and conditional fields per object', () => {
	it('partners need first, last and email', async () => {
		await expectRows('partners', `${PARTNERS},partner_key\nA,B,a@b.co,\n,B,c@b.co,k2\nA,,,k3\n`, [
			['valid'],
			['skipped', 'partner_first is required'],
			['skipped', 'partner_last is required; partner_email is required'],
		]);
	});

	it('customers need customer_key, email and partner_key', async () => {
		await expectRows('customers', `${CUSTOMERS}\nc1,a@b.co,ada\n,a2@b.co,ada\nc3,a3@b.co,\n`, [
			['valid'],
			['skipped', 'customer_key is required'],
			['skipped', 'partner_key is required'],
		]);
	});

	it('transactions need a customer and exactly one amount; currency defaults to USD', async () => {
		await expectRows(
			'transactions',
			'customer_key,amount_in_cents,amount_in_dollars\nacme,100,\nacme,,1.00\nacme,,\nacme,100,1.00\n,100,\n',
			[
				['valid'],
				['valid'],
				['skipped', 'one of amount_in_cents or amount_in_dollars is required'],
				['skipped', 'only one of amount_in_cents or amount_in_dollars may be given'],
				['skipped', 'customer_key is required'],
			],
		);
	});

	it('rewards need a body, exactly one partner reference and one amount; target_type and target_key go together', async () => {
		await expectRows(
			'rewards',
			'partner_email,partner_key,amount_in_cents,amount_in_dollars,body,target_type,target_key\n' +
				'ada@example.com,,100,,b1,,\n,ada,,1.5,b2,customer,acme\n,,100,,b3,,\nada@example.com,ada,100,,b4,,\n,ada,100,,,,\n,ada,100,,b6,customer,\n,ada,100,,b7,,cus_1\n',
			[
				['valid'],
				['valid'],
				['skipped', 'one of partner_email or partner_key is required'],
				['skipped', 'only one of partner_email or partner_key may be given'],
				['skipped', 'body is required'],
				['skipped', 'target_key is required when target_type is given'],
				['skipped', 'target_type is required when target_key is given'],
			],
		);
	});

	it('deals need close_date, external_key, stage and one amount', async () => {
		await expectRows(
			'deals',
			'amount_in_cents,close_date,external_key,stage,partner_key\n100,2026-01-01,d1,New,ada\n100,,d2,New,\n,2026-01-01,d3,,\n',
			[
				['valid'],
				['skipped', 'close_date is required'],
				['skipped', 'one of amount_in_cents or amount_in_dollars is required; stage is required'],
			],
		);
	});

	it('leads need partner_key, email, first and last name and status; other columns are form fields', async () => {
		await expectRows('leads', `${LEADS},company_size\nada,l1@x.co,A,B,open,500\nada,,A,B,open,\n`, [
			['valid'],
			['skipped', 'email is required'],
		]);
	});

	it('a skipped row names every broken rule in column order', async () => {
		await expectRows('customers', `${CUSTOMERS},name,primary\n,bad,,${'n'.repeat(101)},maybe\n`, [
			[
				'skipped',
				'customer_key is required; email is not a valid email ("bad"); partner_key is required; name is longer than 100 characters; primary must be true or false ("maybe")',
			],
		]);
	});
});

describe('duplicates within one file', () => {
	it('partners by partner_key, else email (case-insensitive); only a valid row claims an identity', async () => {
		await expectRows(
			'partners',
			`${PARTNERS},partner_key\nA,B,one@x.co,k1\nA,B,two@x.co,k1\n,B,three@x.co,\nA,B,THREE@x.co,\nA,B,three@X.co,\n`,
			[
				['valid'],
				['skipped', 'duplicate of row 2'],
				['skipped', 'partner_first is required'],
				['valid'],
				['skipped', 'duplicate of row 5'],
			],
		);
	});

	it('customers by customer_key, exactly', async () => {
		await expectRows('customers', `${CUSTOMERS}\nc1,a@b.co,ada\nC1,b@b.co,ada\nc1,c@b.co,ada\n`, [
			['valid'],
			['valid'],
			['skipped', 'duplicate of row 2'],
		]);
	});

	it('transactions by key', async () => {
		await expectRows(
			'transactions',
			'customer_key,amount_in_cents,key\nacme,1,t1\nacme,1,t1\nacme,1,\nacme,1,\n',
			[['valid'], ['skipped', 'duplicate of row 2'], ['valid'], ['valid']],
		);
	});

	it('deals by external_key', async () => {
		await expectRows(
			'deals',
			'amount_in_cents,close_date,external_key,stage\n1,2026-01-01,d1,New\n2,2026-01-01,d1,New\n',
			[['valid'], ['skipped', 'duplicate of row 2']],
		);
	});

	it('leads by email', async () => {
		await expectRows('leads', `${LEADS}\nada,L@x.co,A,B,open\nada,l@X.co,A,B,open\n`, [
			['valid'],
			['skipped', 'duplicate of row 2'],
		]);
	});
});

describe('cells per row', () => {
	const HEADER = 'customer_key,email,partner_key';
	const run = (csv: string | Buffer, options = {}) =>
		runImportNode(emulator, csv, { objectType: 'customers', options }, { continueOnFail: true });

	it('skips a row with extra non-empty cells, ignores a trailing delimiter, fills short rows', async () => {
		const { rows } = await run(
			`${HEADER},name\nc1,a@b.co,ada,n,extra\nc2,b@b.co,ada,n,\nc3,c@b.co\n`,
		);
		expect(rows.map((r) => [r.status, r.reason])).toEqual([
			['skipped', 'row has 5 cells, the header has 4'],
			['valid', ''],
			['skipped', 'partner_key is required'],
		]);
	});
});
