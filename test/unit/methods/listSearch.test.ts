import { listSearch } from '../../../nodes/PartnerStack/methods';
import { DEMO, emulatorWith, pickerContextOn } from '../../support/node';
import { APPLICATIONS } from '../../support/seeds';

const emulator = emulatorWith(DEMO);
const pickerContext = pickerContextOn(emulator);

describe('searchPartnerships', () => {
	it('searches partners by name, email or key', async () => {
		const found = await listSearch.searchPartnerships.call(pickerContext(), 'lovelace');
		expect(found.results).toEqual([{ name: 'Ada Lovelace (ada)', value: 'ada' }]);
	});

	it('without a filter, lists every partner', async () => {
		const all = await listSearch.searchPartnerships.call(pickerContext());
		expect(all.results.map((r) => r.value).sort()).toEqual(['ada', 'grace', 'gstest']);
	});

	it('pages partner search results with a string token', async () => {
		await emulator.seed({
			partnerships: Array.from({ length: 300 }, (_, n) => ({
				partner_key: `p${n}`,
				email: `p${n}@x.example`,
			})),
		});
		const first = await listSearch.searchPartnerships.call(pickerContext());
		expect(first.results).toHaveLength(250);
		expect(typeof first.paginationToken).toBe('string');
		const second = await listSearch.searchPartnerships.call(
			pickerContext(),
			undefined,
			first.paginationToken as string,
		);
		expect(second.results).toHaveLength(53);
		expect(second.paginationToken).toBeUndefined();
	});
});

describe('searches of the other resources', () => {
	it('searchCustomers finds a customer by name', async () => {
		expect((await listSearch.searchCustomers.call(pickerContext(), 'acme')).results).toEqual([
			{ name: 'Acme (billing@acme.example)', value: 'acme' },
		]);
	});

	it('searchDeals finds a deal by account name', async () => {
		expect((await listSearch.searchDeals.call(pickerContext(), 'globex')).results[0].value).toBe(
			'deal_Globex',
		);
	});

	it('searchLeads finds a lead by name', async () => {
		expect((await listSearch.searchLeads.call(pickerContext(), 'peter')).results[0].value).toBe(
			'lead_Initech',
		);
	});

	it('searchTransactions lists none in an account without transactions', async () => {
		expect((await listSearch.searchTransactions.call(pickerContext())).results).toEqual([]);
	});

	it('searchActions lists none in an account without actions', async () => {
		expect((await listSearch.searchActions.call(pickerContext())).results).toEqual([]);
	});
});

describe('searchPendingApplications', () => {
	it('From List offers only the pending applications, searchable by name or email', async () => {
		await emulator.reset(APPLICATIONS);
		const context = pickerContext();
		const all = await listSearch.searchPendingApplications.call(context as never);
		expect(all.results.map((result) => result.value).sort()).toEqual([
			'appl_Linus',
			'appl_Mallory',
		]);
		expect(all.results.find((result) => result.value === 'appl_Linus')!.name).toBe(
			'Linus Torvalds <linus@kernel.example> · Resellers',
		);
		const found = await listSearch.searchPendingApplications.call(context as never, 'spam.example');
		expect(found.results.map((result) => result.value)).toEqual(['appl_Mallory']);
		expect((await emulator.requests()).at(-1)!.query).toMatchObject({ status: 'pending' });
	});
});
