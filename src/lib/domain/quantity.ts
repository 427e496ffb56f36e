import { divRoundHalfUp, type Cents } from './money';
import { fail, ok, type Parsed } from './result';

/** Quantities are integer thousandths (1.5 h = 1500), so 3 decimals stay exact. */
export type Milli = number;

export const MILLI = 1000;

export function parseQuantity(input: string, decimal: '.' | ',' = '.'): Parsed<Milli> {
	let text = input.trim().replace(/\s/g, '');
	if (text === '') return fail('is empty');
	if (decimal === ',') text = text.replace(/\./g, '').replace(',', '.');
	else text = text.replace(/,(?=\d{3}(\D|$))/g, '');
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
	if (Number.isSafeInteger(product)) {
		const abs = Math.abs(product);
		const rounded = Math.floor((abs + MILLI / 2) / MILLI);
		return product < 0 && rounded !== 0 ? -rounded : rounded;
	}
	return Number(divRoundHalfUp(BigInt(qty) * BigInt(rate), BigInt(MILLI)));
}
