import { toCents } from '../../../nodes/PartnerStack/helpers/amounts';

describe('amounts', () => {
	it.each([
		['10', 1000],
		['10.5', 1050],
		['10.10', 1010],
		['0.29', 29],
		['-3.07', -307],
		[19.99, 1999],
		[0.1, 10],
		['007', 700],
	])('dollars %p → %p cents', (input, cents) => {
		expect(toCents(input, 'dollars')).toBe(cents);
	});
	it.each(['$10', '1,000.00', '10,50', '.5', '10.', '+10', '10.005', '1e3', ''])(
		'refuses dollars %p',
		(input) => {
			expect(() => toCents(input, 'dollars')).toThrow(/dollars/);
		},
	);
	it.each([
		['1999', 1999],
		[-500, -500],
	])('cents %p', (input, cents) => expect(toCents(input, 'cents')).toBe(cents));
	it.each(['10.5', '1e3', 'abc'])('refuses cents %p', (input) =>
		expect(() => toCents(input, 'cents')).toThrow(/whole number/),
	);
});
