import fc from 'fast-check';
import { withoutRestores } from '$lib/testing/upgrades';
import { describe, expect, it } from 'vitest';
import { newChangeOrder, newCustomer, newInvoice, newInvoiceLine, newPoLine, newPurchaseOrder, newSite, newTask, newWorkOrder } from '$lib/domain/factories';
import { defaultSettings, type Invoice, type WorkOrder } from '$lib/domain/records';
import type { Workbook } from '$lib/domain/sample-workbook';
import { TieoutDB, type ColumnMapping } from './database';
import { clearWorkbook, exportBackup, restoreBackup } from './backup';
import { saveBatch } from './repository';
import { addAttachment } from './attachments';

/**
 * Random valid workbooks, with text of every kind a person or a buyer's file brings (accents,
 * emoji, quotes, newlines, markup, lone surrogates), every nullable field both ways, sign-off
 * attachments of random bytes and remembered mappings: backed up as the browser writes the
 * file, wiped, and restored, they come back record for record and byte for byte.
 */

const DAY = fc.constantFrom('2026-01-31', '2026-02-28', '2027-12-31', '2024-02-29');
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('O\'Brien "Mech"', 'line 1\nline 2\r\n', '<img src=x onerror=alert(1)>', '=SUM(A1)', 'Müller & Söhne'));
const filled = text.filter((s) => s.trim() !== '');
const cents = fc.integer({ min: 0, max: 9_999_999 });
const milli = fc.integer({ min: 0, max: 999_999 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });


const workbook: fc.Arbitrary<Workbook> = fc
	.record({
		customers: fc.uniqueArray(fc.record({ name: filled, billingStreet: text, billingCity: text, billingPostalCode: text, apEmail: fc.constantFrom('', 'ap@buyer.example'), requiresPo: fc.boolean(), taxAllowed: fc.boolean(), tolerances: maybe(fc.record({ qtyBp: fc.nat(5000), priceBp: fc.nat(5000), absCents: fc.nat(10000) })) }), { minLength: 1, maxLength: 3, selector: (c) => c.name.trim().toLowerCase() }),
		sites: fc.array(fc.record({ c: fc.nat(), name: filled, street: text, city: text, costCenter: text }), { maxLength: 4 }),
		jobs: fc.array(
			fc.record({
				c: fc.nat(),
				s: maybe(fc.nat()),
				description: text,
				kind: fc.constantFrom('open', 'in_progress', 'complete', 'cancelled', 'warranty') as fc.Arbitrary<string>,
				nte: maybe(cents),
				start: maybe(DAY),
				notes: text,
				tasks: fc.array(fc.record({ description: filled, qty: milli, rate: fc.integer({ min: 0, max: 99_999 }), poLineNo: maybe(fc.integer({ min: 1, max: 9_999_999 })), done: fc.boolean(), unit: text }), { maxLength: 3 }),
				changeOrder: maybe(fc.record({ description: text, amount: fc.integer({ min: -500_000, max: 500_000 }) }))
			}),
			{ maxLength: 4 }
		),
		pos: fc.array(fc.record({ c: fc.nat(), buyer: text, terms: fc.constantFrom('Net 30', '2/10 Net 30', 'Due on receipt'), blanket: maybe(cents), lines: fc.array(fc.record({ description: filled, qty: milli, price: fc.integer({ min: 0, max: 99_999 }), extended: cents, needBy: maybe(DAY), item: text }), { maxLength: 3 }) }), { maxLength: 3 }),
		invoices: fc.array(fc.record({ c: fc.nat(), status: fc.constantFrom('draft', 'sent', 'paid', 'void') as fc.Arbitrary<Invoice['status']>, notes: text, lines: fc.array(fc.record({ description: filled, qty: fc.integer({ min: -99_999, max: 99_999 }), rate: fc.integer({ min: 0, max: 99_999 }), poLineNo: maybe(fc.integer({ min: 1, max: 99 })) }), { maxLength: 3 }) }), { maxLength: 3 })
	})
	.map((d) => {
		let n = 0;
		const id = () => `r${++n}`;
		const customers = d.customers.map((c) => newCustomer(id(), c));
		const pickC = (i: number) => customers[i % customers.length]!;
		const sites = d.sites.map((s) => newSite(id(), pickC(s.c).id, { name: s.name, street: s.street, city: s.city, costCenter: s.costCenter }));
		const out: Workbook = { customers, sites, workOrders: [], tasks: [], changeOrders: [], purchaseOrders: [], poLines: [], invoices: [], invoiceLines: [] };
		d.jobs.forEach((j, i) => {
			const customer = pickC(j.c);
			const own = sites.filter((s) => s.customerId === customer.id);
			const done = j.kind === 'complete';
			const wo = newWorkOrder(id(), `WO-${i + 1}`, customer.id, '2026-11-02', {
				siteId: j.s !== null && own.length ? own[j.s % own.length]!.id : null,
				description: j.description,
				type: j.kind === 'warranty' ? 'warranty' : 'corrective',
				warrantyOf: j.kind === 'warranty' ? 'WO-1' : '',
				status: j.kind === 'warranty' ? 'open' : (j.kind as WorkOrder['status']),
				nteCents: j.nte,
				scheduledStart: j.start,
				completionNotes: j.notes,
				signedOffBy: done ? 'Dana Ortiz' : '',
				signedOffOn: done ? '2026-11-20' : null
			});
			out.workOrders.push(wo);
			j.tasks.forEach((t, k) => out.tasks.push(newTask(id(), wo.id, `T${k + 1}`, { description: t.description, qtyMilli: t.qty, rateCents: t.rate, poLineNo: t.poLineNo, done: t.done, unit: t.unit })));
			if (j.changeOrder) out.changeOrders.push(newChangeOrder(id(), wo.id, 'CO-1', { description: j.changeOrder.description, amountCents: j.changeOrder.amount }));
		});
		d.pos.forEach((p, i) => {
			const po = newPurchaseOrder(id(), pickC(p.c).id, `45000${i}`, '2026-10-01', { buyer: p.buyer, terms: p.terms, blanketLimitCents: p.blanket });
			out.purchaseOrders.push(po);
			p.lines.forEach((l, k) => out.poLines.push(newPoLine(id(), po.id, k + 1, { description: l.description, qtyMilli: l.qty, unitPriceCents: l.price, extendedCents: l.extended, needBy: l.needBy, buyerItemCode: l.item })));
		});
		d.invoices.forEach((v, i) => {
			const inv = newInvoice(id(), `INV-${i + 1}`, pickC(v.c).id, '2026-11-25', 'Net 30', { status: v.status, notes: v.notes });
			out.invoices.push(inv);
			v.lines.forEach((l, k) => out.invoiceLines.push(newInvoiceLine(id(), inv.id, k + 1, { description: l.description, qtyMilli: l.qty, rateCents: l.rate, poLineNo: l.poLineNo })));
		});
		return out;
	});

const extras = fc.record({
	attachments: fc.array(fc.record({ job: fc.nat(), name: filled, bytes: fc.uint8Array({ minLength: 1, maxLength: 300 }) }), { maxLength: 2 }),
	mapping: maybe(fc.record({ signature: text, decimal: fc.constantFrom('.', ',') as fc.Arbitrary<'.' | ','> })),
	prefix: fc.constantFrom('INV-', 'HV-', 'B'),
	csvBom: fc.boolean(),
	reminder: fc.integer({ min: 0, max: 365 })
});

describe('backup → wipe → restore', () => {
	it('gives back every record, attachment and mapping exactly, for random workbooks', async () => {
		await fc.assert(
			fc.asyncProperty(workbook, extras, async (wb, x) => {
				const db = new TieoutDB('backup-prop-' + crypto.randomUUID());
				try {
					await saveBatch(db, { ...wb, settings: [{ ...defaultSettings(), invoicePrefix: x.prefix, csvBom: x.csvBom, backupReminderDays: x.reminder }] });
					for (const [i, a] of x.attachments.entries()) {
						const wo = wb.workOrders[a.job % Math.max(1, wb.workOrders.length)];
						if (wo) await addAttachment(db, wo.id, { name: a.name, type: 'image/png', data: new Blob([a.bytes]) }, '2026-11-20', `att-${i}`);
					}
					if (x.mapping && wb.customers[0]) {
						const m: ColumnMapping = { id: 'map-1', customerId: wb.customers[0].id, kind: 'po', headerSignature: x.mapping.signature, mapping: { Qty: 'qty' }, options: { decimal: x.mapping.decimal, dateOrder: 'mdy' } };
						await db.mappings.add(m);
					}
					const before = (await exportBackup(db, 'then')).tables;
					// As the browser writes and reads the file: JSON text.
					const file = JSON.parse(JSON.stringify(await exportBackup(db, '2026-12-05T10:00:00Z', undefined, '0.2.0')));
					await clearWorkbook(db);
					await restoreBackup(db, file);
					expect(withoutRestores((await exportBackup(db, 'now')).tables)).toEqual(before);
				} finally {
					await db.delete();
				}
			}),
			{ numRuns: 40 }
		);
	});
});
