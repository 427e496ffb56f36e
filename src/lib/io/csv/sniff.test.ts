import { describe, expect, it } from 'vitest';
import { guessNewline, sniffTable } from './sniff';

describe('sniffTable', () => {
	it('finds comma, semicolon and tab tables', () => {
		expect(sniffTable('a,b,c\n1,2,3\n4,5,6\n')).toEqual({ delimiter: ',', headerRow: 1 });
		expect(sniffTable('PO;Menge;Preis\n1;1,5;2,50\n2;3;1.234,50\n')).toEqual({ delimiter: ';', headerRow: 1 });
		expect(sniffTable('PO\tDesc\tQty\n1\tA, B\t2\n2\tC; D\t3\n')).toEqual({ delimiter: '\t', headerRow: 1 });
	});

	it('skips title rows to the row naming known fields', () => {
		expect(sniffTable('Purchase Order Report\nExported 01/05/2027\n\nPO Number,Line,Description,Qty\n1,1,A,1\n').headerRow).toBe(4);
		expect(sniffTable('Report: Orders,2027\nPO Number,Line,Description,Qty\n1,1,A,1\n').headerRow).toBe(2);
	});

	it('without known headers, takes the first wide all-text row with the table under it', () => {
		expect(sniffTable('My export\nFoo,Bar,Baz\n1,2,3\n4,5,6\n')).toEqual({ delimiter: ',', headerRow: 2 });
	});

	it('a one-column file defaults to comma and row 1', () => {
		expect(sniffTable('just text\nmore text\n')).toEqual({ delimiter: ',', headerRow: 1 });
	});
});

describe('guessNewline', () => {
	it('ignores line breaks inside quoted cells', () => {
		expect(guessNewline('a,"x\ny"\r\n1,2\r\n')).toBe('\r\n');
		expect(guessNewline('a,"x\r\ny"\n1,2\n')).toBe('\n');
		expect(guessNewline('a,b\r1,2\r')).toBe('\r');
	});
});
