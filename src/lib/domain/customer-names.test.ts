import { describe, expect, it } from 'vitest';
import { CustomerNameIndex, nameKey, otherNamesCodec, rowsText } from './customer-names';

const harbor = { id: 'h', name: 'Harbor Point Property Management LLC' };
const cafe = { id: 'c', name: 'Café Nord GmbH' };
const acme = { id: 'a', name: 'Acme Facilities', otherNames: ['ACME Fac. (Ohio)', 'Acme Facility Services'] };

describe('customer name matching', () => {
	const index = new CustomerNameIndex([harbor, cafe, acme]);

	it('ignores case, spacing and punctuation', () => {
		for (const name of ['harbor point property management llc', 'HARBOR POINT PROPERTY MANAGEMENT, LLC', '  Harbor  Point Property-Management L.L.C. ', 'HarborPoint Property Management LLC']) {
			expect(index.match(name), name).toEqual({ kind: 'one', id: 'h' });
		}
	});

	it('ignores accents', () => {
		expect(index.match('Cafe Nord GmbH')).toEqual({ kind: 'one', id: 'c' });
		expect(index.match('CAFÉ NORD GMBH')).toEqual({ kind: 'one', id: 'c' });
		expect(nameKey('Crème Brûlée Ltd.')).toBe(nameKey('creme brulee ltd'));
	});

	it('finds a customer by a name its files used before', () => {
		expect(index.match('acme fac ohio')).toEqual({ kind: 'one', id: 'a' });
		expect(index.match('Acme Facility Services')).toEqual({ kind: 'one', id: 'a' });
	});

	it('does not stretch a name: another word, a legal suffix or a typo is no match', () => {
		for (const name of ['Harbor Point', 'Acme Facilities Inc.', 'Acme Facilites', 'Cafe Nord']) expect(index.match(name), name).toEqual({ kind: 'none' });
		expect(new CustomerNameIndex([]).match('Harbor Point Property Management LLC')).toEqual({ kind: 'none' });
		// A cell of spaces or punctuation names nobody, even a customer with an empty name.
		expect(new CustomerNameIndex([{ id: 'x', name: '' }]).match('--')).toEqual({ kind: 'none' });
	});

	it('a name two customers answer to is ambiguous, never guessed', () => {
		const two = new CustomerNameIndex([harbor, { id: 'h2', name: 'Harbor Point Property Management, LLC' }, { id: 'b', name: 'Bayview', otherNames: ['Acme Facilities'] }, acme]);
		expect(two.match('harbor point property management llc')).toEqual({ kind: 'ambiguous', ids: ['h', 'h2'] });
		// One customer's name and another's remembered name: ambiguous too.
		expect(two.match('Acme Facilities')).toEqual({ kind: 'ambiguous', ids: ['b', 'a'] });
		// The same customer under its name and a remembered spelling of it is still one customer.
		expect(new CustomerNameIndex([{ ...harbor, otherNames: ['HARBOR POINT PROPERTY MANAGEMENT LLC'] }]).match('Harbor Point Property Management LLC')).toEqual({ kind: 'one', id: 'h' });
	});

	it("the person's answer for this file settles a name, ambiguous or unknown", () => {
		const two = new CustomerNameIndex([harbor, { id: 'h2', name: 'Harbor Point Property Management LLC' }], { [nameKey('Harbor Point Property Management LLC')]: 'h2', [nameKey('HP Mgmt')]: 'h' });
		expect(two.match('HARBOR POINT PROPERTY MANAGEMENT LLC')).toEqual({ kind: 'one', id: 'h2' });
		expect(two.match('hp mgmt.')).toEqual({ kind: 'one', id: 'h' });
	});
});

describe('rowsText', () => {
	it('says rows as a person reads them', () => {
		expect(rowsText([[14, 14]])).toBe('row 14');
		expect(rowsText([[14, 20], [31, 31]])).toBe('rows 14–20, 31');
		expect(rowsText([[2, 2], [5, 5]], 40)).toBe('rows 2, 5 and 40 more');
	});
});

describe('otherNamesCodec', () => {
	it('reads names parted by semicolons (commas belong to names), dropping blanks and repeats, and shows them the same way', () => {
		expect(otherNamesCodec.parse(' Harbor Point, LLC ;; HARBOR POINT LLC; HP Mgmt ; ')).toEqual({ ok: true, value: ['Harbor Point, LLC', 'HP Mgmt'] });
		expect(otherNamesCodec.format(['Harbor Point, LLC', 'HP Mgmt'])).toBe('Harbor Point, LLC; HP Mgmt');
		expect(otherNamesCodec.parse('')).toEqual({ ok: true, value: [] });
		// What a filter hands back to the formatter: the text it was given (regression: "join is not a function" refused the edit).
		expect(otherNamesCodec.format('Harbor Point, LLC; HP Mgmt' as never)).toBe('Harbor Point, LLC; HP Mgmt');
	});
});
