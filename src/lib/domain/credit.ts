import type { Cents } from './money';
import type { Milli } from './quantity';

/*
 * Credit lines (domain.md, "Credit line"): a PO line, task or invoice line with a negative
 * amount, written as a negative unit price (a discount, a goodwill credit) or a negative
 * quantity (a returned part), never both. Over-billing compares positive quantities and
 * amounts, so a credit lowers totals but can never make a line "over".
 */

/** A negative amount: exactly one of quantity and price below zero. */
export const isCredit = (qty: Milli, rate: Cents): boolean => (qty < 0 && rate > 0) || (qty > 0 && rate < 0);

/**
 * The quantity a line draws on what it bills (a PO line, a task): a charge draws its quantity,
 * a returned part gives its quantity back, a price credit (a discount on the line) draws none.
 */
export const quantityDrawn = (qty: Milli, rate: Cents): Milli => (rate < 0 ? 0 : qty);

/** What may be billed "over": a line that authorises or records a positive quantity at a price of zero or more. */
export const isCharge = (qty: Milli, rate: Cents): boolean => qty > 0 && rate >= 0;
