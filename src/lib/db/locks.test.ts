import { describe, expect, it } from 'vitest';
import type { TieoutDB } from './database';
import { applyChanges, deleteRecord, saveBatch, saveRecord, updateRecord } from './repository';
import * as b from '$lib/testing/builders';
import { counts, freshDbEachTest, refused, seedLinked } from '$lib/testing/db';

/* The records that may no longer change (db/locks.ts), on every path that writes. */

let db: TieoutDB;
freshDbEachTest('test', (d) => (db = d));

describe('a sent or paid invoice stays as the buyer has it (regression: a paid invoice cut to $80 by an import)', () => {
	it('refuses every change to a sent invoice\'s lines and what it bills, on every path, but takes a note and a status move', async () => {
		const s = await seedLinked(db);
		// A draft is still the contractor's own: corrected freely.
		await updateRecord(db, 'invoiceLines', s.line.id, { description: 'Corrected before sending' });
		await updateRecord(db, 'invoices', s.inv.id, { status: 'sent' });
		const locked = /Invoice INV-1 has been sent: its lines and totals stay as the buyer received them\. To change what it bills, issue a credit note, or void it and reissue/;
		const sent = (await db.invoices.get(s.inv.id))!;
		const line = (await db.invoiceLines.get(s.line.id))!;
		expect((await refused(updateRecord(db, 'invoiceLines', s.line.id, { rateCents: 100 }))).message).toMatch(locked);
		expect((await refused(deleteRecord(db, 'invoiceLines', s.line.id))).message).toMatch(locked);
		expect((await refused(saveRecord(db, 'invoiceLines', b.invoiceLine({ invoiceId: s.inv.id, lineNo: 2 })))).message).toMatch(locked);
		expect((await refused(updateRecord(db, 'invoices', s.inv.id, { terms: 'Net 60' }))).message).toMatch(locked);
		expect((await refused(deleteRecord(db, 'invoices', s.inv.id))).message).toMatch(/Invoice INV-1 has been sent and cannot be deleted/);
		expect(await db.invoices.get(s.inv.id)).toEqual(sent);
		expect(await db.invoiceLines.get(s.line.id)).toEqual(line);
		await updateRecord(db, 'invoices', s.inv.id, { notes: 'AP query answered 3 Feb' });
		expect((await db.invoices.get(s.inv.id))!.notes).toBe('AP query answered 3 Feb');
	});

	it('refuses every change to a paid invoice and its lines, on every path, and stores nothing', async () => {
		const s = await seedLinked(db);
		await updateRecord(db, 'invoices', s.inv.id, { status: 'sent' });
		await updateRecord(db, 'invoices', s.inv.id, { status: 'paid' });
		const locked = /Invoice INV-1 is paid: it is what the buyer paid and cannot be changed/;
		const paid = (await db.invoices.get(s.inv.id))!;
		const line = (await db.invoiceLines.get(s.line.id))!;

		expect((await refused(updateRecord(db, 'invoices', s.inv.id, { terms: 'Net 60' }))).message).toMatch(locked);
		expect((await refused(updateRecord(db, 'invoiceLines', s.line.id, { rateCents: 100 }))).message).toMatch(locked);
		expect((await refused(deleteRecord(db, 'invoiceLines', s.line.id))).message).toMatch(locked);
		expect((await refused(saveRecord(db, 'invoiceLines', b.invoiceLine({ invoiceId: s.inv.id, lineNo: 2 })))).message).toMatch(locked);
		expect((await refused(saveBatch(db, { invoiceLines: [b.invoiceLine({ invoiceId: s.inv.id, lineNo: 3 })] }))).message).toMatch(locked);
		// An import that takes it back to draft, lowers a rate and drops a line: all or nothing.
		const imported = applyChanges(db, { put: { invoices: [{ ...paid, status: 'draft' }], invoiceLines: [{ ...line, rateCents: 1000 }] }, remove: { invoiceLines: [s.line.id] } });
		expect((await refused(imported)).message).toMatch(/Invoice INV-1 is paid and cannot become draft/);

		expect(await db.invoices.get(s.inv.id)).toEqual(paid);
		expect(await db.invoiceLines.where('invoiceId').equals(s.inv.id).toArray()).toEqual([line]);
	});

	it('lets a file that repeats a paid invoice unchanged through, and never takes a status back', async () => {
		const s = await seedLinked(db);
		await updateRecord(db, 'invoices', s.inv.id, { status: 'sent' });
		expect((await refused(updateRecord(db, 'invoices', s.inv.id, { status: 'draft' }))).message).toContain('Invoice INV-1 is sent and cannot become draft');
		await updateRecord(db, 'invoices', s.inv.id, { status: 'paid' });
		const paid = (await db.invoices.get(s.inv.id))!;
		await applyChanges(db, { put: { invoices: [paid], invoiceLines: [s.line] } });
		expect((await refused(updateRecord(db, 'invoices', s.inv.id, { status: 'void' }))).message).toContain('Invoice INV-1 is paid and cannot become void');
		expect((await db.invoices.get(s.inv.id))!.status).toBe('paid');
	});
});

describe('a rename does not rewrite a settled invoice (regression: renumbering a job silently changed a paid invoice)', () => {
	const settle = async (db: TieoutDB, id: string, status: 'paid' | 'void') => {
		await updateRecord(db, 'invoices', id, { status: 'sent' });
		await updateRecord(db, 'invoices', id, { status });
	};

	it.each([
		['workOrders', 'wo', { number: 'WO-100A' }, /Work order WO-100 cannot be renamed: Invoice INV-1 is paid/],
		['purchaseOrders', 'po', { number: '1001-R' }, /Purchase order 1001 cannot be renamed: Invoice INV-1 is paid/],
		['tasks', 'task', { code: 'T1a' }, /Task T1 cannot be renamed: Invoice INV-1 is paid/],
		['poLines', 'pol', { lineNo: 7 }, /PO line 1 cannot be renamed: Invoice INV-1 is paid/]
	] as const)('refuses a %s rename that would reach a paid invoice, and stores nothing', async (table, key, patch, message) => {
		const s = await seedLinked(db);
		await settle(db, s.inv.id, 'paid');
		const before = await counts(db);
		const inv = await db.invoices.get(s.inv.id);
		const line = await db.invoiceLines.get(s.line.id);
		const rec = await db.table(table).get(s[key].id);
		expect((await refused(updateRecord(db, table, s[key].id, patch as never))).message).toMatch(message);
		expect(await db.invoices.get(s.inv.id)).toEqual(inv);
		expect(await db.invoiceLines.get(s.line.id)).toEqual(line);
		expect(await db.table(table).get(s[key].id)).toEqual(rec);
		expect(await counts(db)).toEqual(before);
	});

	it('refuses for a void or sent invoice too, and still renames when the invoice is a draft', async () => {
		const s = await seedLinked(db);
		await settle(db, s.inv.id, 'void');
		expect((await refused(updateRecord(db, 'workOrders', s.wo.id, { number: 'WO-100A' }))).message).toContain('Invoice INV-1 is void');
		await db.invoices.update(s.inv.id, { status: 'sent' });
		expect((await refused(updateRecord(db, 'workOrders', s.wo.id, { number: 'WO-100A' }))).message).toContain('Invoice INV-1 has been sent');
		await db.invoices.update(s.inv.id, { status: 'draft' });
		await updateRecord(db, 'workOrders', s.wo.id, { number: 'WO-100A' });
		expect((await db.invoiceLines.get(s.line.id))?.woNumber).toBe('WO-100A');
	});
});

describe('a decided change order', () => {
	it('refuses a new amount until it is reopened (regression: an approved $500 retyped as $5,000)', async () => {
		const s = await seedLinked(db);
		await updateRecord(db, 'changeOrders', s.co.id, { status: 'approved', approvedBy: 'J. Patel', approvedOn: '2026-11-26' });
		expect((await refused(updateRecord(db, 'changeOrders', s.co.id, { amountCents: 500000 }))).message).toContain('reopen it before you change its amount or description');
		expect((await db.changeOrders.get(s.co.id))!.amountCents).toBe(s.co.amountCents);
		await updateRecord(db, 'changeOrders', s.co.id, { status: 'pending', approvedBy: '', approvedOn: null });
		await updateRecord(db, 'changeOrders', s.co.id, { amountCents: 500000 });
		expect((await db.changeOrders.get(s.co.id))!.amountCents).toBe(500000);
	});
});
