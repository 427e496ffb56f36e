import { describe, expect, it } from 'vitest';
import { reason, value } from '$lib/testing/outcome';
import { markPaid, sendInvoice, voidEffect, voidInvoice } from './invoicing';
import type { WorkOrder } from './records';
import { invoice, workOrder } from '$lib/testing/builders';

/* An invoice's life cycle after it is built (invoicing.ts): sent, paid or void, and its jobs with it. */

const signed = { status: 'complete', signedOffBy: 'Dana Facilities', signedOffOn: '2027-01-14' } as const;
const job = (id: string, number: string, x: Partial<WorkOrder> = {}) => workOrder({ id, number, customerId: 'cust-1', poNumber: '4500012345', ...signed, ...x });

const DAY = '2027-01-20';

describe('invoice status', () => {
	const a = job('wo-a', 'WO-1');
	const b = job('wo-b', 'WO-2', { status: 'invoiced' });
	const inv = invoice({ id: 'inv-1', number: 'INV-1042', status: 'draft', workOrderNumbers: ['WO-1', 'WO-2'] });

	describe('sendInvoice', () => {
		it('marks the invoice sent and its complete jobs invoiced, offering to close them', () => {
			const other = job('wo-x', 'WO-9');
			const r = value(sendInvoice(inv, [a, b, other], DAY));
			expect(r.invoice.status).toBe('sent');
			expect(r.invoice.history).toEqual([{ on: DAY, what: 'sent', other: '' }]);
			expect(r.workOrders).toEqual([{ ...a, status: 'invoiced' }]);
			expect(r.closable).toEqual(['WO-1', 'WO-2']);
		});

		it('leaves jobs not complete as they are, and warns', () => {
			const r = sendInvoice(inv, [{ ...a, status: 'in_progress' }], DAY);
			expect(value(r).workOrders).toEqual([]);
			expect(r.ok && r.warnings).toEqual(['WO-1 is in progress, not complete; it stays so.', 'No work order WO-2 is on file to mark invoiced.']);
		});

		it('refuses an invoice not in draft', () => {
			expect(reason(sendInvoice({ ...inv, status: 'sent' }, [a], DAY))).toBe('Invoice INV-1042 is already sent.');
			expect(reason(sendInvoice({ ...inv, status: 'paid' }, [a], DAY))).toBe('Invoice INV-1042 is already paid.');
			expect(reason(sendInvoice({ ...inv, status: 'void' }, [a], DAY))).toBe('Invoice INV-1042 is void; a void invoice is never sent.');
		});
	});

	describe('markPaid', () => {
		it('marks a sent invoice paid', () => {
			expect(value(markPaid({ ...inv, status: 'sent' }, DAY)).invoice).toMatchObject({ status: 'paid', history: [{ on: DAY, what: 'paid', other: '' }] });
		});

		it('refuses draft, paid and void invoices', () => {
			expect(reason(markPaid(inv, DAY))).toBe('Invoice INV-1042 is a draft; send it before marking it paid.');
			expect(reason(markPaid({ ...inv, status: 'paid' }, DAY))).toBe('Invoice INV-1042 is already paid.');
			expect(reason(markPaid({ ...inv, status: 'void' }, DAY))).toBe('Invoice INV-1042 is void; a void invoice is not paid.');
		});
	});

	describe('voidInvoice', () => {
		const sent = { ...inv, status: 'sent' as const };
		const invoicedA = { ...a, status: 'invoiced' as const };

		it('puts the jobs of a sent invoice back to complete', () => {
			const r = value(voidInvoice(sent, [invoicedA, b], [], DAY));
			expect(r.invoice.status).toBe('void');
			expect(r.invoice.history).toEqual([{ on: DAY, what: 'voided', other: '' }]);
			expect(r.workOrders).toEqual([
				{ ...invoicedA, status: 'complete' },
				{ ...b, status: 'complete' }
			]);
		});

		it('reopens a closed job for billing again, and says so', () => {
			const r = voidInvoice(sent, [{ ...a, status: 'closed' }], [], DAY);
			expect(value(r).workOrders.map((w) => w.status)).toEqual(['complete']);
			expect(r.ok && r.warnings).toEqual(['WO-1 was closed; it is back to complete so it can be billed again.']);
		});

		it('keeps a job invoiced while another sent or paid invoice still bills it; a draft does not', () => {
			const paid = invoice({ id: 'inv-2', number: 'INV-1001', status: 'paid', workOrderNumbers: ['WO-2'] });
			const draft = invoice({ id: 'inv-3', number: 'INV-1050', status: 'draft', workOrderNumbers: ['WO-1'] });
			const r = voidInvoice(sent, [invoicedA, b], [sent, paid, draft], DAY);
			expect(value(r).workOrders).toEqual([{ ...invoicedA, status: 'complete' }]);
			expect(r.ok && r.warnings).toEqual(['WO-2 stays invoiced: invoice INV-1001 still bills it.']);
		});

		it('voids a draft without moving any job', () => {
			expect(value(voidInvoice(inv, [invoicedA, b], [], DAY)).workOrders).toEqual([]);
		});

		// Bug: the Void dialog said "Its jobs go back to complete" for a draft, whose jobs never move.
		it('says before voiding which jobs go back to complete, and that a draft moves none', () => {
			expect(voidEffect(inv, value(voidInvoice(inv, [invoicedA, b], [], DAY)))).toBe('It was never sent, so its jobs keep their status.');
			expect(voidEffect(sent, value(voidInvoice(sent, [invoicedA, b], [], DAY)))).toBe('WO-1 and WO-2 go back to complete, so they can be billed again.');
			expect(voidEffect(sent, value(voidInvoice(sent, [invoicedA], [], DAY)))).toBe('WO-1 goes back to complete, so it can be billed again.');
			const paid = invoice({ id: 'inv-2', number: 'INV-1001', status: 'paid', workOrderNumbers: ['WO-1'] });
			expect(voidEffect(sent, value(voidInvoice(sent, [invoicedA], [sent, paid], DAY)))).toMatch(/^Its jobs keep their status/);
		});

		it('refuses a paid or already void invoice', () => {
			expect(reason(voidInvoice({ ...inv, status: 'paid' }, [a], [], DAY))).toBe('Invoice INV-1042 is paid; a paid invoice cannot be voided (issue a credit note instead).');
			expect(reason(voidInvoice({ ...inv, status: 'void' }, [a], [], DAY))).toBe('Invoice INV-1042 is already void.');
		});
	});
});
