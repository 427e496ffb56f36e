import { percentOf, type Cents } from './money';
import { addDays, type LocalDate } from './dates';
import { fail, ok, type Parsed } from './result';

/** Payment terms, parsed. `discountBp` is basis points (2% = 200). */
export interface Terms {
	netDays: number;
	discountBp: number;
	discountDays: number;
}

/** An optional "days" after a number of days, as buyers' systems often write it. */
const DAYS = '(?: ?days?)?';
const NET = new RegExp(`^(?:net|n) ?/? ?(\\d{1,3})${DAYS}$`, 'i');
const DISCOUNT = new RegExp(`^(\\d{1,2}(?:\\.\\d{1,2})?) ?(?:%? ?[/ ]|%) ?(\\d{1,3})${DAYS}(?:,? |, ?)(?:net|n) ?/? ?(\\d{1,3})${DAYS}$`, 'i');

/**
 * `Net 30`, `2/10 Net 30`, `2% 10 Net 30`, `1.5/15 N45`, `Due on receipt`, `COD`, and the
 * wordings buyers' exports use for the same: `Net 30 Days`, `2/10 N/30`, `2/10, n/30`, `1%10 Net 30`.
 * A discount needs a window shorter than the net period.
 */
export function parseTerms(input: string): Parsed<Terms> {
	const text = input.trim().replace(/\s+/g, ' ');
	if (text === '') return fail('is empty');
	if (/^(due (up)?on receipt|on receipt|cod|c\.o\.d\.|immediate|net 0)$/i.test(text)) {
		return ok({ netDays: 0, discountBp: 0, discountDays: 0 });
	}
	const net = NET.exec(text);
	if (net) return ok({ netDays: Number(net[1]), discountBp: 0, discountDays: 0 });
	const disc = DISCOUNT.exec(text);
	if (disc) {
		const discountBp = Math.round(Number(disc[1]) * 100);
		const discountDays = Number(disc[2]);
		const netDays = Number(disc[3]);
		if (discountBp <= 0 || discountBp >= 10000) return fail(`"${text}": the discount must be between 0 and 100%`);
		if (discountDays >= netDays) return fail(`"${text}": the discount window must be shorter than the net period`);
		return ok({ netDays, discountBp, discountDays });
	}
	return fail(`"${text}" is not a payment term (e.g. "Net 30", "2/10 Net 30", "Due on receipt")`);
}

/** Canonical text for parsed terms, so `2% 10 net 30` is stored as `2/10 Net 30`. */
export function formatTerms(t: Terms): string {
	if (t.netDays === 0 && t.discountBp === 0) return 'Due on receipt';
	const net = `Net ${t.netDays}`;
	if (t.discountBp === 0) return net;
	return `${t.discountBp / 100}/${t.discountDays} ${net}`;
}

export interface TermsSchedule {
	dueDate: LocalDate;
	/** Null when the terms carry no early-payment discount. */
	discountDate: LocalDate | null;
	discountCents: Cents;
}

/** Due = invoice date + N; discount deadline = invoice date + D; discount = X% of the total before tax and freight. */
export function scheduleFor(terms: Terms, invoiceDate: LocalDate, totalBeforeTaxAndFreight: Cents): TermsSchedule {
	const hasDiscount = terms.discountBp > 0;
	return {
		dueDate: addDays(invoiceDate, terms.netDays),
		discountDate: hasDiscount ? addDays(invoiceDate, terms.discountDays) : null,
		discountCents: hasDiscount ? percentOf(totalBeforeTaxAndFreight, terms.discountBp) : 0
	};
}
