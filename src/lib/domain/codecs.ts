import { formatDate, parseDate } from './dates';
import { formatMoney, parseMoney, type Cents } from './money';
import { formatQuantity, parseQuantity, type Milli } from './quantity';
import { fail, ok, type Parsed } from './result';
import { formatTerms, parseTerms } from './terms';

/**
 * How one field's value is read from text a person typed (a grid cell, a CSV cell) and shown again.
 * One codec per field kind keeps the grid, the import and the export agreeing on every value.
 */
export interface Codec<T> {
	parse(text: string): Parsed<T>;
	format(value: T): string;
	/**
	 * Text typed in another shape is stored in one normal form (terms: `2% 10 net 30` is kept as
	 * `2/10 Net 30`). Wherever a person types it, they see that form and accept it before it is
	 * saved (see `restated`); the other codecs only tidy spacing or number formats.
	 */
	restates?: true;
}

/**
 * What typed text will be stored as, when the codec restates it in another shape; null when it is
 * stored as typed (spacing aside), does not parse, or the codec never restates.
 */
export function restated(codec: Codec<unknown>, text: string): string | null {
	if (!codec.restates) return null;
	const p = codec.parse(text);
	if (!p.ok) return null;
	const stored = codec.format(p.value);
	return stored === text.trim().replace(/\s+/g, ' ') ? null : stored;
}

export const textCodec: Codec<string> = {
	parse: (t) => ok(t.trim()),
	format: (v) => v ?? ''
};

export const requiredTextCodec: Codec<string> = {
	parse: (t) => (t.trim() === '' ? fail('is required') : ok(t.trim())),
	format: (v) => v ?? ''
};

export const moneyCodec: Codec<Cents> = { parse: (t) => parseMoney(t), format: formatMoney };

export const optionalMoneyCodec: Codec<Cents | null> = {
	parse: (t) => (t.trim() === '' ? ok(null) : parseMoney(t)),
	format: (v) => (v === null || v === undefined ? '' : formatMoney(v))
};

export const qtyCodec: Codec<Milli> = { parse: (t) => parseQuantity(t), format: formatQuantity };

export const dateCodec: Codec<string> = { parse: (t) => parseDate(t), format: formatDate };

export const optionalDateCodec: Codec<string | null> = {
	parse: (t) => (t.trim() === '' ? ok(null) : parseDate(t)),
	format: (v) => formatDate(v)
};

export const intCodec: Codec<number> = {
	parse: (t) =>
		/^\s*-?\d+\s*$/.test(t) && Number.isSafeInteger(Number(t.trim())) ? ok(Number(t.trim())) : fail(`"${t.trim()}" is not a whole number`),
	format: (v) => String(v)
};

export const optionalIntCodec: Codec<number | null> = {
	parse: (t) => (t.trim() === '' ? ok(null) : intCodec.parse(t)),
	format: (v) => (v === null || v === undefined ? '' : String(v))
};

export const boolCodec: Codec<boolean> = {
	parse: (t) => {
		const s = t.trim().toLowerCase();
		if (['yes', 'y', 'true', 't', '1', 'x', '✓'].includes(s)) return ok(true);
		if (['no', 'n', 'false', 'f', '0', ''].includes(s)) return ok(false);
		return fail(`"${t.trim()}" is not yes or no`);
	},
	format: (v) => (v ? 'Yes' : 'No')
};

export function enumCodec<T extends string>(values: readonly T[], label = (v: T) => v.replace(/_/g, ' ')): Codec<T> {
	return {
		parse: (t) => {
			const s = t.trim().toLowerCase().replace(/[\s-]+/g, '_');
			const hit = values.find((v) => v === s || label(v).toLowerCase() === t.trim().toLowerCase());
			return hit ? ok(hit) : fail(`"${t.trim()}" is not one of ${values.map(label).join(', ')}`);
		},
		format: (v) => (v ? label(v) : '')
	};
}

export const termsCodec: Codec<string> = {
	parse: (t) => {
		const p = parseTerms(t);
		return p.ok ? ok(formatTerms(p.value)) : p;
	},
	format: (v) => v ?? '',
	restates: true
};

/** Basis points shown as a percent: `8.25` ↔ 825. */
export const percentBpCodec: Codec<number> = {
	parse: (t) => {
		const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(t);
		if (!m) return fail(`"${t.trim()}" is not a percentage with up to 2 decimals`);
		return ok(Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')));
	},
	format: (v) => `${(v / 100).toFixed(2).replace(/\.?0+$/, '')}%`
};

/** A sales tax rate: a percent as `percentBpCodec` reads it, and never over 100 % (150 % is a typo, not a tax). */
export const taxRateCodec: Codec<number> = {
	parse: (t) => {
		const p = percentBpCodec.parse(t);
		return p.ok && p.value > 10_000 ? fail(`"${t.trim()}" is over 100%; a sales tax rate is a percent of the amount, e.g. 8.25`) : p;
	},
	format: percentBpCodec.format
};

/**
 * A customer's own tolerances as one cell: `qty 5%, price 1%, $25.00`; blank means "use the
 * global ones" (null).
 */
export const tolerancesCodec: Codec<{ qtyBp: number; priceBp: number; absCents: Cents } | null> = {
	parse: (t) => {
		const text = t.trim();
		if (text === '') return ok(null);
		const m = /^qty\s*([\d.]+)\s*%\s*,\s*price\s*([\d.]+)\s*%\s*,\s*(.+)$/i.exec(text);
		const qty = m ? percentBpCodec.parse(m[1]!) : null;
		const price = m ? percentBpCodec.parse(m[2]!) : null;
		const abs = m ? moneyCodec.parse(m[3]!) : null;
		if (!qty?.ok || !price?.ok || !abs?.ok || abs.value < 0) return fail(`"${text}" is not tolerances: write like "qty 5%, price 1%, $25.00", or leave blank for the global ones`);
		return ok({ qtyBp: qty.value, priceBp: price.value, absCents: abs.value });
	},
	format: (v) => (v ? `qty ${percentBpCodec.format(v.qtyBp)}, price ${percentBpCodec.format(v.priceBp)}, ${formatMoney(v.absCents)}` : '')
};
