import { describe, expect, it } from 'vitest';
import { approxMeasure } from './fixtures.test-helper';
import { ellipsize, wrapText } from './text';
import { toWinAnsi } from './winansi';

describe('toWinAnsi', () => {
	it('keeps what Helvetica/WinAnsi draws, including curly quotes, dashes, € and accents', () => {
		const s = 'Café “Ü” – naïve — €5 ½ ‘x’ … • ™ ° ² ©';
		expect(toWinAnsi(s)).toBe(s);
	});

	it('spells out or flattens what it cannot draw, and marks the rest', () => {
		expect(toWinAnsi('5 ≤ x ≥ 3 → y ≠ z')).toBe('5 <= x >= 3 -> y != z');
		expect(toWinAnsi('Łódź Kraków ő ﬁle ⅓')).toBe('Lódz Kraków o file 1/3');
		expect(toWinAnsi('ok 😀 中文 ✓')).toBe('ok ? ?? x');
		expect(toWinAnsi('a\tb\u00a0c\u200bd\u0007e')).toBe('a b cde');
		expect(toWinAnsi('line 1\r\nline 2\rline 3')).toBe('line 1\nline 2\nline 3');
		// Decomposed accents are composed first, so they are kept.
		expect(toWinAnsi('Cafe\u0301')).toBe('Café');
	});
});

describe('wrapText', () => {
	it('fills each line as far as it fits and keeps explicit line breaks', () => {
		const lines = wrapText('418 Industrial Pkwy, Unit 6\nDayton, OH 45414 and some more words to wrap', 100, 9, false, approxMeasure);
		expect(lines[0]).toBe('418 Industrial Pkwy,');
		expect(lines.join(' ')).toBe('418 Industrial Pkwy, Unit 6 Dayton, OH 45414 and some more words to wrap');
		for (const l of lines) expect(approxMeasure(l, 9, false)).toBeLessThanOrEqual(100);
		expect(lines).toContain('Unit 6');
	});

	it('breaks a word wider than the column, after a hyphen where it can', () => {
		expect(wrapText('HVAC-LAB-STD-000123', 50, 9, false, approxMeasure)).toEqual(['HVAC-', 'LAB-STD-', '000123']);
		const lines = wrapText('x'.repeat(100), 30, 9, false, approxMeasure);
		expect(lines.join('')).toBe('x'.repeat(100));
		expect(lines.length).toBeGreaterThan(1);
	});

	it('gives no lines for empty text', () => {
		expect(wrapText('', 100, 9, false, approxMeasure)).toEqual([]);
		expect(wrapText('   ', 100, 9, false, approxMeasure)).toEqual([]);
	});
});

describe('ellipsize', () => {
	it('cuts a line that does not fit and says so', () => {
		expect(ellipsize('short', 100, 9, false, approxMeasure)).toBe('short');
		const cut = ellipsize('Invoice INV-1041 · PO 884120 · Job WO-18472, WO-18473, WO-18474', 120, 9, false, approxMeasure);
		expect(cut.endsWith('…')).toBe(true);
		expect(approxMeasure(cut, 9, false)).toBeLessThanOrEqual(120);
	});
});
