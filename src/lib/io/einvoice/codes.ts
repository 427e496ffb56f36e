import type { Cents } from '../../domain/money';
import { formatQuantity, type Milli } from '../../domain/quantity';

/*
 * The code lists and number forms EN 16931 writes that Tieout keeps as people type them.
 * Units (BT-130) must be UN/ECE Recommendation 20 codes; countries (BT-40, BT-55) ISO 3166-1
 * alpha-2. Amounts and quantities are written from integers by string, never through a float.
 */

/** What contractors write for a unit, lower-cased and without a trailing dot or "s", to its Rec 20 code. */
const UNITS: Readonly<Record<string, string>> = {
	h: 'HUR', hr: 'HUR', hrs: 'HUR', hour: 'HUR', hours: 'HUR',
	min: 'MIN', minute: 'MIN',
	day: 'DAY', days: 'DAY', d: 'DAY', wk: 'WEE', week: 'WEE', mo: 'MON', month: 'MON',
	ea: 'EA', each: 'EA', pc: 'H87', pcs: 'H87', piece: 'H87', unit: 'C62', units: 'C62',
	lot: 'LO', set: 'SET', job: 'E48', visit: 'E48', trip: 'E48', service: 'E48',
	lb: 'LBR', lbs: 'LBR', pound: 'LBR', oz: 'ONZ', kg: 'KGM', g: 'GRM',
	ft: 'FOT', foot: 'FOT', feet: 'FOT', 'lf': 'FOT', in: 'INH', inch: 'INH', yd: 'YRD', m: 'MTR', mi: 'SMI',
	sqft: 'FTK', 'sq ft': 'FTK', sf: 'FTK', sqyd: 'YDK', 'm2': 'MTK',
	gal: 'GLL', gallon: 'GLL', qt: 'QT', l: 'LTR', liter: 'LTR', litre: 'LTR',
	ton: 'STN', box: 'BX', roll: 'RO', pair: 'PR', pr: 'PR', pkg: 'PK', pack: 'PK', case: 'CS', bag: 'BG', can: 'CA'
};

/**
 * The Rec 20 code for a unit as typed. A unit with no code here is counted as `C62` ("one"): the
 * quantity is still a count of what the line describes, and the description says what it is.
 */
export function unitCode(unit: string): string {
	const u = unit.trim().toLowerCase().replace(/\.$/, '');
	return UNITS[u] ?? UNITS[u.replace(/s$/, '')] ?? 'C62';
}

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
	us: 'US', usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'united states': 'US', 'united states of america': 'US',
	ca: 'CA', canada: 'CA', mx: 'MX', mexico: 'MX'
};

/**
 * The ISO 3166-1 code of a country as typed. Tieout is a US contractor's workbench and its address
 * form leaves the country blank for a US address (as an envelope does), so blank is `US`. Any other
 * two letters are taken as a code; anything else is returned as typed, for BR-CL-14 to name.
 */
export function countryCode(country: string): string {
	const c = country.trim();
	if (c === '') return 'US';
	const named = COUNTRY_NAMES[c.toLowerCase()];
	if (named) return named;
	return /^[A-Za-z]{2}$/.test(c) ? c.toUpperCase() : c;
}

/** `1234.50`, `-0.05`: exactly two decimals, as BR-DEC asks of every amount. */
export function decimal2(cents: Cents): string {
	if (!Number.isSafeInteger(cents)) throw new RangeError(`${cents} is not a whole number of cents`);
	const abs = Math.abs(cents);
	const body = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
	return cents < 0 ? `-${body}` : body;
}

/** A quantity in thousandths as a decimal with no trailing zeros (`1.5`, `-2`). */
export const quantityText = (q: Milli): string => formatQuantity(q);

/** A rate in basis points as a percentage (`725` → `7.25`, `0` → `0`). */
export function percentText(bp: number): string {
	if (!Number.isSafeInteger(bp)) throw new RangeError(`${bp} is not whole basis points`);
	const abs = Math.abs(bp);
	const frac = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
	const body = frac ? `${Math.floor(abs / 100)}.${frac}` : String(Math.floor(abs / 100));
	return bp < 0 ? `-${body}` : body;
}

/** `2026-12-07` → `20261207`, CII's date format 102. */
export const date102 = (d: string): string => d.replaceAll('-', '');
