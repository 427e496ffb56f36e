import { describe, expect, it } from 'vitest';
import { invoice } from '$lib/testing/builders';
import { invoiceChangeRefusal, invoiceLinesRefusal } from './invoice-changes';

describe('a paid or void invoice is not changed', () => {
	const draft = invoice({ number: 'INV-7', status: 'draft', notes: '' });
	const sent = { ...draft, status: 'sent' as const };
	const paid = { ...draft, status: 'paid' as const };

	it('lets a draft or sent invoice be corrected, and its status move on along the life cycle only', () => {
		expect(invoiceChangeRefusal(draft, { ...draft, notes: 'Gate code 4411', poNumber: '884120' })).toBeNull();
		expect(invoiceChangeRefusal(draft, { ...draft, status: 'sent' })).toBeNull();
		expect(invoiceChangeRefusal(draft, { ...draft, status: 'void' })).toBeNull();
		expect(invoiceChangeRefusal(draft, { ...draft, status: 'paid' })).toBe('Invoice INV-7 is draft and cannot become paid.');
		expect(invoiceChangeRefusal(sent, { ...sent, terms: 'Net 45' })).toBeNull();
		expect(invoiceChangeRefusal(sent, { ...sent, status: 'paid' })).toBeNull();
		expect(invoiceChangeRefusal(sent, { ...sent, status: 'draft' })).toBe('Invoice INV-7 is sent and cannot become draft.');
		expect(invoiceLinesRefusal(draft)).toBeNull();
		expect(invoiceLinesRefusal(sent)).toBeNull();
	});

	it('keeps a paid or void invoice and its lines as they are', () => {
		expect(invoiceChangeRefusal(paid, { ...paid })).toBeNull();
		expect(invoiceChangeRefusal(paid, { ...paid, notes: 'x' })).toBe('Invoice INV-7 is paid: it is what the buyer paid and cannot be changed. Issue a credit instead.');
		expect(invoiceChangeRefusal(paid, { ...paid, status: 'draft' })).toBe('Invoice INV-7 is paid and cannot become draft.');
		expect(invoiceChangeRefusal(paid, { ...paid, status: 'void' })).toBe('Invoice INV-7 is paid and cannot become void.');
		expect(invoiceLinesRefusal(paid)).toContain('Invoice INV-7 is paid');
		expect(invoiceChangeRefusal({ ...draft, status: 'void' }, { ...draft, status: 'void', workOrderNumbers: ['WO-9'] })).toContain('Make a new invoice instead');
		expect(invoiceLinesRefusal({ ...draft, status: 'void' })).toContain('Invoice INV-7 is void');
	});
});
