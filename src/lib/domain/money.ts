import { fail, ok, type Parsed } from './result';

/** Money is integer cents everywhere; floats never hold an amount. */
export type Cents = number;

/**
 * The most one line (or one change, or one PO line's extended amount) may hold: $1,000,000,000.00,
 * far beyond a contractor's bill, and low enough that 90,000 such lines still total exactly.
 */
export const MAX_LINE_CENTS: Cents = 100_000_000_000;

export interface MoneyFormat {
	/** Decimal separator used in the text: '.' (US) or ',' (much of Europe). */
	decimal?: '.' | ',';
}

/**
 * Parse money text as people and buyer exports write it:
 * `$1,234.50`, `1234.5`, `(150.00)`, `-150`, `-$1,234`, `USD 12.00`, `1.234,50` with decimal ','.
 * More than two decimals is refused rather than rounded, so no cent is invented or lost.
 */
export function parseMoney(input: string, format: MoneyFormat = {}): Parsed<Cents> {
	const decimal = format.decimal ?? '.';
	const group = decimal === '.' ? ',' : '.';
	let text = input.trim();
	if (text === '') return fail('is empty');
	// Each sign marker (parentheses, leading or trailing minus) says "negative"; two of them is
	// garbage, never a double negation that silently flips the sign.
	let signs = 0;
	if (/^\(.*\)$/.test(text)) {
		signs++;
		text = text.slice(1, -1).trim();
	}
	if (text.endsWith('-')) {
		signs++;
		text = text.slice(0, -1).trim();
	}
	if (text.startsWith('-')) {
		signs++;
		text = text.slice(1).trim();
	} else if (text.startsWith('+')) {
		text = text.slice(1).trim();
	}
	text = text.replace(/^(USD|US\$|\$)\s*/i, '').replace(/\s*(USD)$/i, '');
	if (text.startsWith('-')) {
		signs++;
		text = text.slice(1).trim();
	}
	if (signs > 1) return fail(`"${input.trim()}" is not an amount`);
	const negative = signs === 1;
	const groupRe = group === ',' ? /,/g : /[.\s\u00a0]/g;
	const groupedOk =
		group === ','
			? /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text) || !text.includes(',')
			: /^\d{1,3}([.\s\u00a0]\d{3})+(,\d*)?$/.test(text) || !/[.\s\u00a0]/.test(text);
	if (!groupedOk) return fail(`"${input.trim()}" is not an amount`);
	text = text.replace(groupRe, '');
	if (decimal === ',') text = text.replace(',', '.');
	const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
	if (!m || (m[1] === '' && (m[2] ?? '') === '')) return fail(`"${input.trim()}" is not an amount`);
	const whole = m[1] || '0';
	const frac = m[2] ?? '';
	if (frac.length > 2) return fail(`"${input.trim()}" has more than 2 decimals`);
	const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
	if (!Number.isSafeInteger(cents)) return fail(`"${input.trim()}" is too large`);
	return ok(negative && cents !== 0 ? -cents : cents);
}

const grouped = (n: bigint | number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `$1,234.50`; negatives as `-$150.00`. */
export function formatMoney(cents: Cents): string {
	const abs = Math.abs(cents);
	const body = `$${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
	return cents < 0 ? `-${body}` : body;
}

/** Plain `1234.50` / `-150.00`: for CSV cells and inputs, where symbols get in the way. */
export function formatMoneyPlain(cents: Cents): string {
	const abs = Math.abs(cents);
	const body = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
	return cents < 0 ? `-${body}` : body;
}

/** Sum of cents; throws if the total leaves the exact integer range rather than going wrong quietly. */
export function sumCents(values: Iterable<Cents>): Cents {
	let total = 0;
	for (const v of values) {
		total += v;
		// Checked at every step: once a running total leaves the safe range it is rounded, and a
		// later negative term can bring it back in range with the wrong value.
		if (!Number.isSafeInteger(v) || !Number.isSafeInteger(total)) throw new RangeError('Money total is out of range');
	}
	return total;
}

/** numerator/denominator rounded half away from zero, exact for any safe integers. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
	const neg = numerator < 0n !== denominator < 0n;
	const n = numerator < 0n ? -numerator : numerator;
	const d = denominator < 0n ? -denominator : denominator;
	const q = (n * 2n + d) / (d * 2n);
	return neg ? -q : q;
}

/** `percentBp` is basis points (2% = 200). Rounded half-up to the cent. */
export function percentOf(cents: Cents, percentBp: number): Cents {
	return Number(divRoundHalfUp(BigInt(cents) * BigInt(percentBp), 10000n));
}
