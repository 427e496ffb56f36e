import { describe, expect, it } from 'vitest';
import { invoice } from '$lib/testing/builders';
import { invoiceChangeRefusal, invoiceDeleteRefusal, invoiceLinesRefusal } from './invoice-changes';

describe('what may change on an invoice the buyer holds', () => {
	const draft = invoice({ number: 'INV-7', status: 'draft', notes: '' });
	const sent = { ...draft, status: 'sent' as const, history: [{ on: '2027-01-15', what: 'sent' as const, other: '' }] };
	const paid = { ...sent, status: 'paid' as const };

	it('lets a draft be corrected, and its status move on along the life cycle only', () => {
		expect(invoiceChangeRefusal(draft, { ...draft, notes: 'Gate code 4411', poNumber: '884120' })).toBeNull();
		expect(invoiceChangeRefusal(draft, { ...draft, status: 'sent' })).toBeNull();
		expect(invoiceChangeRefusal(draft, { ...draft, status: 'void' })).toBeNull();
		expect(invoiceChangeRefusal(draft, { ...draft, status: 'paid' })).toBe('Invoice INV-7 is draft and cannot become paid.');
		expect(invoiceLinesRefusal(draft)).toBeNull();
		expect(invoiceDeleteRefusal(draft)).toBeNull();
	});

	it('locks a sent invoice\'s lines and what it bills, saying when it was sent and the way out', () => {
		const why = 'Invoice INV-7 was sent on Jan 15, 2027: its lines and totals stay as the buyer received them. To change what it bills, issue a credit note, or void it and reissue a corrected copy.';
		expect(invoiceLinesRefusal(sent)).toBe(why);
		expect(invoiceChangeRefusal(sent, { ...sent, terms: 'Net 45' })).toBe(why);
		expect(invoiceChangeRefusal(sent, { ...sent, poNumber: '884121' })).toBe(why);
		expect(invoiceChangeRefusal(sent, { ...sent, workOrderNumbers: ['WO-9'] })).toBe(why);
		expect(invoiceDeleteRefusal(sent)).toBe('Invoice INV-7 was sent on Jan 15, 2027 and cannot be deleted: issue a credit note, or void it and reissue a corrected copy.');
		// Sent before the history was kept: the date is not known, so it is not given.
		expect(invoiceDeleteRefusal({ ...sent, history: [] })).toMatch(/^Invoice INV-7 has been sent and cannot be deleted/);
	});

	it('still lets a sent invoice move on (paid, void), take a note, and add to its history', () => {
		expect(invoiceChangeRefusal(sent, { ...sent, status: 'paid' })).toBeNull();
		expect(invoiceChangeRefusal(sent, { ...sent, status: 'void' })).toBeNull();
		expect(invoiceChangeRefusal(sent, { ...sent, notes: 'AP query 3 Feb: remittance to PO Box' })).toBeNull();
		expect(invoiceChangeRefusal(sent, { ...sent, history: [...sent.history, { on: '2027-02-01', what: 'credited', other: 'INV-8' }] })).toBeNull();
		expect(invoiceChangeRefusal(sent, { ...sent, status: 'draft' })).toBe('Invoice INV-7 is sent and cannot become draft.');
	});

	it('never rewrites or drops a history entry, whatever the status', () => {
		expect(invoiceChangeRefusal(sent, { ...sent, history: [] })).toBe("Invoice INV-7's history is kept as it happened: it is only ever added to.");
		expect(invoiceChangeRefusal(sent, { ...sent, history: [{ on: '2027-01-16', what: 'sent', other: '' }] })).toContain('only ever added to');
		const drafted = { ...draft, history: [{ on: '2027-01-15', what: 'credit_note_for' as const, other: 'INV-6' }] };
		expect(invoiceChangeRefusal(drafted, { ...drafted, history: [] })).toContain('only ever added to');
	});

	it('keeps a paid or void invoice and its lines as they are, notes included', () => {
		expect(invoiceChangeRefusal(paid, { ...paid })).toBeNull();
		expect(invoiceChangeRefusal(paid, { ...paid, notes: 'x' })).toBe('Invoice INV-7 is paid: it is what the buyer paid and cannot be changed. Issue a credit note instead.');
		expect(invoiceChangeRefusal(paid, { ...paid, status: 'draft' })).toBe('Invoice INV-7 is paid and cannot become draft.');
		expect(invoiceChangeRefusal(paid, { ...paid, status: 'void' })).toBe('Invoice INV-7 is paid and cannot become void.');
		expect(invoiceChangeRefusal(paid, { ...paid, history: [...paid.history, { on: '2027-02-01', what: 'credited', other: 'INV-8' }] })).toBeNull();
		expect(invoiceLinesRefusal(paid)).toContain('Invoice INV-7 is paid');
		expect(invoiceChangeRefusal({ ...draft, status: 'void' }, { ...draft, status: 'void', workOrderNumbers: ['WO-9'] })).toContain('Make a new invoice instead');
		expect(invoiceLinesRefusal({ ...draft, status: 'void' })).toContain('Invoice INV-7 is void');
	});
});
