import { describe, expect, it } from 'vitest';
import { reason, value } from '$lib/testing/outcome';
import { invoice, invoiceLine, workOrder } from '$lib/testing/builders';
import { buildCreditNote, buildReissue, creditNoteRefusal, describeEvent, reissueRefusal, type CorrectionInput } from './corrections';
import { invoiceTotals } from './totals';

/* Correcting an invoice the buyer holds: a credit note, or a void and reissue (corrections.ts). */

const sent = invoice({ id: 'inv-1', number: 'INV-1041', status: 'sent', poNumber: '884120', workOrderNumbers: ['WO-1'], terms: '2/10 Net 30', notes: 'Ref. 77', history: [{ on: '2027-01-10', what: 'sent', other: '' }] });
const labor = invoiceLine({ id: 'l1', invoiceId: 'inv-1', lineNo: 1, description: 'Startup labor', kind: 'labor', qtyMilli: 16000, unit: 'h', rateCents: 12500, woNumber: 'WO-1', taskCode: 'T1', poLineNo: 1, buyerItemCode: 'HVAC-LAB-STD' });
const parts = invoiceLine({ id: 'l2', invoiceId: 'inv-1', lineNo: 2, description: 'Refrigerant', kind: 'material', qtyMilli: 34000, unit: 'lb', rateCents: 1850, woNumber: 'WO-1', taskCode: 'T2', poLineNo: 3, buyerItemCode: 'REF' });
const discount = invoiceLine({ id: 'l3', invoiceId: 'inv-1', lineNo: 3, description: 'Loyalty discount', kind: 'discount', qtyMilli: 1000, unit: 'ea', rateCents: -5000, woNumber: '', taskCode: '', poLineNo: null, buyerItemCode: '' });

const input = (x: Partial<CorrectionInput> = {}): CorrectionInput => {
	let n = 0;
	return {
		original: sent,
		lines: [labor, parts, discount, invoiceLine({ id: 'other', invoiceId: 'inv-9', lineNo: 1 })],
		settings: { invoicePrefix: 'INV-', nextInvoiceNo: 1041 },
		existingInvoiceNumbers: ['INV-1041', 'INV-1042', 'INV-1043', 'INV-1044'],
		today: '2027-02-01',
		idGen: () => `new-${++n}`,
		...x
	};
};

describe('a credit note', () => {
	it('is a new draft from the invoice sequence naming the original, with the picked quantities given back as negative quantities', () => {
		const c = value(buildCreditNote(input(), [{ lineId: 'l2', qtyMilli: 4000 }, { lineId: 'l1', qtyMilli: 7000 }]));
		expect(c.invoice).toMatchObject({ number: 'INV-1045', status: 'draft', creditOf: 'INV-1041', reissueOf: '', customerId: sent.customerId, poNumber: '884120', workOrderNumbers: ['WO-1'], invoiceDate: '2027-02-01', history: [{ on: '2027-02-01', what: 'credit_note_for', other: 'INV-1041' }] });
		expect(c.settingsPatch).toEqual({ nextInvoiceNo: 1046 });
		// In the original's line order, each still naming its task, PO line and item code, at the same rate.
		expect(c.lines.map(({ lineNo, qtyMilli, rateCents, woNumber, taskCode, poLineNo, buyerItemCode, invoiceId }) => ({ lineNo, qtyMilli, rateCents, woNumber, taskCode, poLineNo, buyerItemCode, invoiceId }))).toEqual([
			{ lineNo: 1, qtyMilli: -7000, rateCents: 12500, woNumber: 'WO-1', taskCode: 'T1', poLineNo: 1, buyerItemCode: 'HVAC-LAB-STD', invoiceId: c.invoice.id },
			{ lineNo: 2, qtyMilli: -4000, rateCents: 1850, woNumber: 'WO-1', taskCode: 'T2', poLineNo: 3, buyerItemCode: 'REF', invoiceId: c.invoice.id }
		]);
		expect(invoiceTotals(c.lines).total).toBe(-(7 * 12500 + 4 * 1850));
		// The original is unchanged but for the event naming the credit note.
		expect(c.original).toEqual({ ...sent, history: [...sent.history, { on: '2027-02-01', what: 'credited', other: 'INV-1045' }] });
	});

	it('credits a paid invoice too', () => {
		expect(value(buildCreditNote(input({ original: { ...sent, status: 'paid' } }), [{ lineId: 'l1', qtyMilli: 16000 }])).lines[0]!.qtyMilli).toBe(-16000);
	});

	it('refuses a draft, a void invoice and a credit note, each saying what to do', () => {
		expect(reason(buildCreditNote(input({ original: { ...sent, status: 'draft' } }), [{ lineId: 'l1', qtyMilli: 1000 }]))).toBe('Invoice INV-1041 is a draft: correct its lines; a credit note is for an invoice the buyer has.');
		expect(creditNoteRefusal({ ...sent, status: 'void' })).toBe('Invoice INV-1041 is void: it bills nothing to credit.');
		expect(creditNoteRefusal({ ...sent, creditOf: 'INV-1040' })).toBe('Invoice INV-1041 is itself a credit note for INV-1040; to correct it, void it and reissue.');
	});

	it('refuses nothing picked, more than was billed, a line of another invoice, and a line that is itself a credit', () => {
		expect(reason(buildCreditNote(input(), []))).toBe('Choose at least one line, and how much of it to credit.');
		expect(reason(buildCreditNote(input(), [{ lineId: 'l1', qtyMilli: 0 }]))).toBe('Choose at least one line, and how much of it to credit.');
		expect(reason(buildCreditNote(input(), [{ lineId: 'l1', qtyMilli: 16001 }]))).toBe('Line 1 bills 16 h: credit more than 0 and at most that.');
		expect(reason(buildCreditNote(input(), [{ lineId: 'l1', qtyMilli: -1000 }]))).toBe('Line 1 bills 16 h: credit more than 0 and at most that.');
		expect(reason(buildCreditNote(input(), [{ lineId: 'other', qtyMilli: 1000 }]))).toBe('A chosen line is not on invoice INV-1041.');
		expect(reason(buildCreditNote(input(), [{ lineId: 'l3', qtyMilli: 1000 }]))).toBe('Line 3 is itself a credit; crediting it would charge the buyer again.');
	});
});

describe('void and reissue', () => {
	const jobs = [workOrder({ number: 'WO-1', status: 'invoiced' })];

	it('voids the original, its jobs back to complete, and starts a draft copy of every line under a new number, both naming each other', () => {
		const c = value(buildReissue(input(), jobs, [sent]));
		expect(c.original.status).toBe('void');
		expect(c.original.history).toEqual([...sent.history, { on: '2027-02-01', what: 'voided', other: '' }, { on: '2027-02-01', what: 'reissued', other: 'INV-1045' }]);
		expect(c.invoice).toMatchObject({ number: 'INV-1045', status: 'draft', reissueOf: 'INV-1041', creditOf: '', notes: 'Ref. 77', poNumber: '884120', terms: '2/10 Net 30', history: [{ on: '2027-02-01', what: 'reissue_of', other: 'INV-1041' }] });
		expect(c.lines.map((l) => [l.lineNo, l.description, l.qtyMilli, l.rateCents, l.invoiceId])).toEqual([
			[1, 'Startup labor', 16000, 12500, c.invoice.id],
			[2, 'Refrigerant', 34000, 1850, c.invoice.id],
			[3, 'Loyalty discount', 1000, -5000, c.invoice.id]
		]);
		expect(c.workOrders.map((w) => [w.number, w.status])).toEqual([['WO-1', 'complete']]);
		expect(c.settingsPatch).toEqual({ nextInvoiceNo: 1046 });
	});

	it('is only for a sent invoice: a paid one is credited, a draft corrected as it is', () => {
		expect(reissueRefusal({ ...sent, status: 'paid' })).toBe('Invoice INV-1041 is paid and cannot be voided: issue a credit note instead.');
		expect(reason(buildReissue(input({ original: { ...sent, status: 'draft' } }), jobs, []))).toMatch(/is a draft: correct it as it is/);
		expect(reason(buildReissue(input({ original: { ...sent, status: 'void' } }), jobs, []))).toBe('Invoice INV-1041 is already void.');
	});
});

it('says each history entry in words, naming the other invoice', () => {
	expect(describeEvent({ on: '2027-02-01', what: 'credited', other: 'INV-1045' })).toBe('Credited by credit note INV-1045');
	expect(describeEvent({ on: '2027-02-01', what: 'reissue_of', other: 'INV-1041' })).toBe('Made as the reissue of voided invoice INV-1041');
});
