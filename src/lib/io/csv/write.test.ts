import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvNumber, neutralise, toCsv } from './write';

describe('CSV writing', () => {
	it('neutralised cells never start with a formula trigger', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				expect(/^[=+\-@\t\r]/.test(neutralise(s))).toBe(false);
			})
		);
	});

	it('leaves ordinary text alone and defuses formulas', () => {
		expect(neutralise('Trip charge')).toBe('Trip charge');
		expect(neutralise('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
		expect(neutralise('-5')).toBe("'-5");
		// Regression: text that already looked neutralised came back one apostrophe short after import.
		expect(neutralise("'=x")).toBe("''=x");
		expect(neutralise("It's fine")).toBe("It's fine");
	});

	it('round-trips any text through a CSV parser (after the apostrophe a formula gets)', () => {
		fc.assert(
			fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 10 }), (rows) => {
				// The delimiter is the writer's, not Papa's guess: for a row ['', '"||'] it guessed '|' (seed 317770203).
				const parsed = Papa.parse<string[]>(toCsv(['a', 'b'], rows), { delimiter: ',', skipEmptyLines: false }).data;
				expect(parsed.slice(1, rows.length + 1)).toEqual(rows.map((r) => r.map(neutralise)));
			})
		);
	});

	it('writes numbers plain and can add a BOM for Excel', () => {
		expect(toCsv(['n'], [[-12.5]], { bom: true })).toBe('\ufeffn\r\n-12.5\r\n');
	});

	it('writes exact decimal numbers as they are, and anything posing as one as neutralised text', () => {
		expect(toCsv(['amount', 'note'], [[csvNumber('-150.00'), csvNumber('-1+2')]])).toBe("amount,note\r\n-150.00,'-1+2\r\n");
		fc.assert(
			fc.property(fc.string(), (s) => {
				const cell = toCsv(['x'], [[csvNumber(s)]]).split('\r\n')[1] ?? '';
				const isNumber = /^-?\d+(\.\d+)?$/.test(s);
				expect(isNumber || !/^[=+\-@\t\r]/.test(cell.replace(/^"/, ''))).toBe(true);
			})
		);
	});
});
