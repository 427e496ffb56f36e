/**
 * The finding sentences a person reads, whole: subject and verb agree ("INV-1 line 1 bills"),
 * counted nouns agree with their number ("1 day", "2 invoices") and every quantity has its unit.
 */
import { describe, expect, it } from 'vitest';
import { addInvoice, cleanWorkbook, findingsOf, newTask, rec } from './test-kit';

const messages = (wb: ReturnType<typeof cleanWorkbook>, code: Parameters<typeof findingsOf>[1]) => findingsOf(wb, code).map((f) => f.message);

describe('finding sentences', () => {
	it('one invoice line over its PO line "bills", with no "in all"', () => {
		const wb = cleanWorkbook();
		rec(wb, 'poLines', 'pl1').qtyMilli = 8000;
		rec(wb, 'poLines', 'pl1').extendedCents = 200000;
		expect(messages(wb, 'OVER_PO_QTY')).toEqual(['PO 884120 line 1 authorises 8 h; INV-1 line 1 bills 10 h (2 h over).']);
	});

	it('several lines over a PO line "bill" it "in all"', () => {
		const wb = cleanWorkbook();
		wb.tasks.push(newTask('t3', 'wo', 'T3', { kind: 'labor', qtyMilli: 10000, unit: 'h', rateCents: 10000, poLineNo: 1, done: true }));
		rec(wb, 'poLines', 'pl1').extendedCents = 200000;
		addInvoice(wb, 'inv2', 'INV-2', [{ kind: 'labor', qtyMilli: 1000, unit: 'h', rateCents: 10000, woNumber: 'WO-1', taskCode: 'T3', poLineNo: 1, buyerItemCode: 'LAB' }]);
		expect(messages(wb, 'OVER_PO_QTY')).toEqual(['PO 884120 line 1 authorises 10 h; INV-1 line 1 and INV-2 line 1 bill 11 h in all (1 h over).']);
	});

	it('a unit that is a word agrees with each number in the sentence', () => {
		const wb = cleanWorkbook();
		rec(wb, 'poLines', 'pl1').unit = 'day';
		rec(wb, 'poLines', 'pl1').qtyMilli = 9000;
		rec(wb, 'poLines', 'pl1').extendedCents = 200000;
		Object.assign(rec(wb, 'tasks', 't1'), { unit: 'day', qtyMilli: 9000 });
		rec(wb, 'invoiceLines', 'l1').unit = 'day';
		expect(messages(wb, 'OVER_PO_QTY')).toEqual(['PO 884120 line 1 authorises 9 days; INV-1 line 1 bills 10 days (1 day over).']);
		expect(messages(wb, 'QTY_OVER_PERFORMED')).toEqual(['Invoice INV-1 line 1 bills 10 days; WO-1 T1 records 9 days done (1 day over).']);
	});

	it('a quantity with no unit is said in units', () => {
		const wb = cleanWorkbook();
		Object.assign(rec(wb, 'tasks', 't2'), { unit: '', qtyMilli: 4000 });
		rec(wb, 'invoiceLines', 'l2').unit = '';
		expect(messages(wb, 'QTY_OVER_PERFORMED')).toEqual(['Invoice INV-1 line 2 bills 5 units; WO-1 T2 records 4 units done (1 unit over).']);
	});

	it('the same charge on two invoices counts "2 invoices"', () => {
		const wb = cleanWorkbook();
		wb.tasks.push(newTask('t3', 'wo', 'T3', { kind: 'labor', qtyMilli: 10000, unit: 'h', rateCents: 10000, poLineNo: 1, done: true }));
		Object.assign(rec(wb, 'poLines', 'pl1'), { qtyMilli: 20000, extendedCents: 200000 });
		addInvoice(wb, 'inv2', 'INV-2', [{ kind: 'labor', qtyMilli: 10000, unit: 'h', rateCents: 10000, woNumber: 'WO-1', taskCode: 'T1', poLineNo: 1, buyerItemCode: 'LAB' }]);
		expect(messages(wb, 'DUPLICATE_BILLING')).toContain(
			'INV-1 line 1 and INV-2 line 1 each bill PO 884120 line 1 for 10 h, $1,000.00 of WO-1 T1: the same charge on 2 invoices.'
		);
	});

	it('a job open one day past a one-day limit says "day", not "days"', () => {
		const wb = cleanWorkbook('2027-03-15');
		Object.assign(rec(wb, 'workOrders', 'wo'), { status: 'open', openedOn: '2027-03-13' });
		rec(wb, 'invoices', 'inv').status = 'void';
		wb.settings.staleDays = 1;
		expect(messages(wb, 'STALE_TICKET')).toEqual(['WO-1 has been open 2 days (since Mar 13, 2027); the limit is 1 day.']);
	});

	it('an invoice with no terms against a PO with terms says so in words', () => {
		const wb = cleanWorkbook();
		rec(wb, 'invoices', 'inv').terms = '';
		expect(messages(wb, 'TERMS_MISMATCH')).toEqual(['Invoice INV-1 has no terms; PO 884120 states Net 30.']);
	});

	it('a job over its NTE with no approved change order names only its cap', () => {
		const wb = cleanWorkbook();
		rec(wb, 'workOrders', 'wo').nteCents = 100000;
		expect(messages(wb, 'OVER_NTE')).toEqual(['WO-1 is billed $1,100.00 before tax on INV-1, over its NTE cap of $1,000.00 by $100.00.']);
	});
});
