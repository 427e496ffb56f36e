import { divRoundHalfUp, type Cents } from './money';
import { fail, ok, type Parsed } from './result';

/** Quantities are integer thousandths (1.5 h = 1500), so 3 decimals stay exact. */
export type Milli = number;

export const MILLI = 1000;

/**
 * A returned part is a negative quantity, written as buyers write credits (domain.md): `-2`,
 * `(2)` or `2-`. One sign marker only: `-(2)` is garbage, never a double negation.
 */
export function parseQuantity(input: string, decimal: '.' | ',' = '.'): Parsed<Milli> {
	let text = input.trim().replace(/\s/g, '');
	if (text === '') return fail('is empty');
	const wrapped = /^\((.*)\)$/.exec(text) ?? /^([^-].*)-$/.exec(text);
	if (wrapped) {
		if (/^[-+]/.test(wrapped[1]!)) return fail(`"${input.trim()}" is not a number`);
		text = `-${wrapped[1]}`;
	}
	// Grouping separators only where they group thousands (as parseMoney): `1.5` with decimal ','
	// or `1234,567` with decimal '.' is refused, never read as 15 or 1234567.
	const digits = text.replace(/^[-+]/, '');
	const groupedOk =
		decimal === ','
			? /^\d{1,3}(\.\d{3})+(,\d*)?$/.test(digits) || !digits.includes('.')
			: /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(digits) || !digits.includes(',');
	if (!groupedOk) return fail(`"${input.trim()}" is not a number`);
	if (decimal === ',') text = text.replace(/\./g, '').replace(',', '.');
	else text = text.replace(/,/g, '');
	const m = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(text);
	if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return fail(`"${input.trim()}" is not a number`);
	const frac = m[3] ?? '';
	if (frac.length > 3) return fail(`"${input.trim()}" has more than 3 decimals`);
	const value = Number(m[2] || '0') * MILLI + Number(frac.padEnd(3, '0'));
	if (!Number.isSafeInteger(value)) return fail(`"${input.trim()}" is too large`);
	return ok(m[1] === '-' && value !== 0 ? -value : value);
}

/** `1.5`, `12.125`, `3`: no trailing zeros, no grouping. */
export function formatQuantity(q: Milli): string {
	const abs = Math.abs(q);
	const whole = Math.floor(abs / MILLI);
	const frac = String(abs % MILLI).padStart(3, '0').replace(/0+$/, '');
	const body = frac ? `${whole}.${frac}` : String(whole);
	return q < 0 ? `-${body}` : body;
}

/** Line amount = quantity × rate, rounded half-up to the cent, per line. */
export function lineAmount(qty: Milli, rate: Cents): Cents {
	const product = qty * rate;
	// The fast path adds MILLI/2 before dividing, so that sum must stay exact too.
	if (Number.isSafeInteger(product) && Math.abs(product) <= Number.MAX_SAFE_INTEGER - MILLI / 2) {
		const abs = Math.abs(product);
		const rounded = Math.floor((abs + MILLI / 2) / MILLI);
		return product < 0 && rounded !== 0 ? -rounded : rounded;
	}
	return Number(divRoundHalfUp(BigInt(qty) * BigInt(rate), BigInt(MILLI)));
}
