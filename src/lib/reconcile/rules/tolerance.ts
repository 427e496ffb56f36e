import type { Cents } from '../../domain/money';
import { lineAmount, type Milli } from '../../domain/quantity';
import type { Tolerances } from '../../domain/records';

/** x ≤ bp/10000 × base, exactly (falls back to BigInt when the products leave the safe range). */
function withinBp(x: number, bp: number, base: number): boolean {
	const a = x * 10000;
	const b = bp * base;
	if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return a <= b;
	return BigInt(x) * 10000n <= BigInt(bp) * BigInt(base);
}

/** Quantity over the authorised quantity by no more than `qtyBp` of it. */
export const qtyTolerated = (over: Milli, authorised: Milli, t: Tolerances): boolean => over > 0 && withinBp(over, t.qtyBp, authorised);

/**
 * A rate off the PO price is tolerated when the gap is within `priceBp` of the PO price, or the
 * amount it makes on the line is within `absCents`: either way AP's match would pass it.
 */
export function priceTolerated(rateCents: Cents, unitPriceCents: Cents, qtyMilli: Milli, t: Tolerances): boolean {
	const gap = Math.abs(rateCents - unitPriceCents);
	if (withinBp(gap, t.priceBp, Math.abs(unitPriceCents))) return true;
	return Math.abs(lineAmount(qtyMilli, rateCents) - lineAmount(qtyMilli, unitPriceCents)) <= t.absCents;
}

/** An amount over its cap by no more than `absCents`. */
export const amountTolerated = (excess: Cents, t: Tolerances): boolean => excess <= t.absCents;

export const TOLERATED_NOTE = ' (within tolerance)';
