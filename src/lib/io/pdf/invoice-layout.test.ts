import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newInvoiceLine } from '$lib/domain/factories';
import { formatMoney } from '$lib/domain/money';
import { invoiceSchedule, invoiceTotals } from '$lib/domain/totals';
import { approxMeasure, bigInvoiceInput, business, logoDataUrl, sampleInvoiceInput } from './fixtures.test-helper';
import { layoutInvoice, termsSentence, type InvoiceDocInput } from './invoice-layout';
import type { Block, DocLayout, LayoutPage, TextOp } from './model';

const BOTTOM = 792 - 52;
const layout = (input: InvoiceDocInput) => layoutInvoice(input, approxMeasure);
const textsOf = (blocks: Block[]) => blocks.flatMap((b) => b.ops.filter((o): o is TextOp => o.op === 'text').map((o) => o.text));
const pageText = (p: LayoutPage) => textsOf(p.blocks).join('\n');
const blocks = (l: DocLayout, kind: string) => l.pages.flatMap((p, page) => p.blocks.filter((b) => b.kind === kind).map((b) => ({ ...b, page })));
const opsBottom = (b: Block) => Math.max(...b.ops.map((o) => (o.op === 'text' ? o.y + o.size * 0.25 : o.op === 'line' ? Math.max(o.y1, o.y2) : o.y + o.h)));
const opsTop = (b: Block) => Math.min(...b.ops.map((o) => (o.op === 'text' ? o.y - o.size : o.op === 'line' ? Math.min(o.y1, o.y2) : o.y)));

/** Invariants every invoice layout keeps, whatever its size. */
function expectWellFormed(l: DocLayout, input: InvoiceDocInput) {
	const count = l.pages.length;
	l.pages.forEach((p, i) => {
		expect(textsOf(p.blocks.filter((b) => b.kind === 'pageFooter'))).toContain(`Page ${i + 1} of ${count}`);
		for (const b of p.blocks) {
			if (b.kind === 'pageFooter') continue;
			// Nothing runs into the footer or off the page.
			expect(opsBottom(b), `${b.kind} on page ${i + 1}`).toBeLessThanOrEqual(BOTTOM + 0.01);
			for (const o of b.ops) if (o.op === 'text' && o.align === 'left') expect(o.x).toBeGreaterThanOrEqual(40);
		}
		// Rows come after the header row on their page, and a page with rows has exactly one header row.
		const kinds = p.blocks.map((b) => b.kind);
		if (kinds.includes('row')) {
			expect(kinds.filter((k) => k === 'tableHeader')).toHaveLength(1);
			expect(kinds.indexOf('tableHeader')).toBeLessThan(kinds.indexOf('row'));
		}
	});
	// Every line exactly once, in line-number order (a row split over pages counts once).
	const rows = blocks(l, 'row');
	expect(rows.filter((r) => r.part === 0).map((r) => r.key)).toEqual([...input.lines].sort((a, b) => a.lineNo - b.lineNo).map((x) => String(x.lineNo)));
	expect(blocks(l, 'totals')).toHaveLength(1);
	// The totals end the invoice: only notes too long for one page may follow them over.
	const notesFit = (input.invoice.notes.length + input.business.invoiceFooter.length) < 2000;
	if (notesFit) expect(blocks(l, 'totals')[0]!.page).toBe(count - 1);
}

describe('invoice layout', () => {
	it('prints the totals, the terms with discount deadline and due date, and the job and PO numbers', () => {
		const input = sampleInvoiceInput('INV-1041');
		const l = layout(input);
		expect(l.pages).toHaveLength(1);
		expect(l.title).toBe('Invoice INV-1041');
		const page = pageText(l.pages[0]!);
		const refs = textsOf(blocks(l, 'references'));
		expect(refs).toEqual(expect.arrayContaining(['PO NUMBER', '884120', 'JOB NUMBER', 'WO-18472', 'DUE DATE', 'Jan 20, 2027', 'AMOUNT DUE', '$3,119.00']));
		expect(textsOf(blocks(l, 'totals'))).toEqual(expect.arrayContaining(['Subtotal', '$3,074.00', 'Freight', '$45.00', 'Total due (USD)', '$3,119.00', 'or $3,057.52 if paid by Dec 31, 2026']));
		// Zero discount and tax are left out; the total never is.
		expect(textsOf(blocks(l, 'totals'))).not.toContain('Tax');
		expect(textsOf(blocks(l, 'totals'))).not.toContain('Discount');
		expect(textsOf(blocks(l, 'terms')).join(' ')).toBe('PAYMENT TERMS 2/10 Net 30: pay $3,057.52 by Dec 31, 2026 (2% early-payment discount of $61.48), or the full $3,119.00 by Jan 20, 2027.');
		for (const s of ['INVOICE', 'INV-1041', 'Dec 21, 2026', 'Mercy General Hospital', 'Attn: Dana Whitfield', 'Cost center: CC-4410', 'HVAC-LAB-STD', 'REF-R134A', 'TRIP-CHG', '$2,000.00', 'PO Box 20931']) {
			expect(page).toContain(s);
		}
	});

	it('shows discount and tax lines in the totals, and the early-payment discount on work only', () => {
		const input = sampleInvoiceInput('INV-1042');
		input.lines.push(newInvoiceLine('d', input.invoice.id, 9, { description: 'Loyalty discount', kind: 'discount', qtyMilli: 1000, rateCents: -5000 }));
		input.invoice = { ...input.invoice, terms: '1.5/15 Net 45' };
		const totals = invoiceTotals(input.lines);
		expect(totals).toEqual({ subtotal: 194800, discount: -5000, tax: 7743, freight: 0, total: 197543 });
		const l = layout(input);
		expect(textsOf(blocks(l, 'totals'))).toEqual(expect.arrayContaining(['Subtotal', '$1,948.00', 'Discount', '-$50.00', 'Tax', '$77.43', '$1,975.43']));
		// 1.5% of (1,948.00 - 50.00) = 28.47; tax is not discounted.
		const terms = textsOf(blocks(l, 'terms')).join(' ');
		expect(terms).toContain('pay $1,946.96 by');
		expect(terms).toContain('(1.5% early-payment discount of $28.47)');
		const schedule = invoiceSchedule(input.invoice, totals)!;
		expect(schedule.discountCents).toBe(2847);
	});

	it('prints credit lines as negatives, a returned part and a price credit alike, and lowers the total by them', () => {
		const input = sampleInvoiceInput('INV-1042');
		const before = invoiceTotals(input.lines).total;
		input.lines.push(
			newInvoiceLine('r', input.invoice.id, 8, { description: 'Returned filters', kind: 'material', qtyMilli: -2000, unit: 'ea', rateCents: 1250, buyerItemCode: 'FLT-MERV13', poLineNo: 4 }),
			newInvoiceLine('g', input.invoice.id, 9, { description: 'Goodwill credit', kind: 'fee', qtyMilli: 1000, unit: 'ea', rateCents: -15000, buyerItemCode: 'CR-1', poLineNo: 5 })
		);
		const totals = invoiceTotals(input.lines);
		expect(totals.total).toBe(before - 2500 - 15000);
		const l = layout(input);
		const rows = blocks(l, 'row');
		expect(textsOf(rows.filter((r) => r.key === '8'))).toEqual(expect.arrayContaining(['Returned filters', '-2', '$12.50', '-$25.00']));
		expect(textsOf(rows.filter((r) => r.key === '9'))).toEqual(expect.arrayContaining(['Goodwill credit', '1', '-$150.00', 'CR-1']));
		expect(textsOf(blocks(l, 'totals'))).toEqual(expect.arrayContaining(['Total due (USD)', formatMoney(totals.total)]));
	});

	it('titles a credit note so, names the invoice it credits wherever AP looks, and asks for no payment', () => {
		const input = sampleInvoiceInput('INV-1041');
		input.invoice = { ...input.invoice, number: 'INV-1045', creditOf: 'INV-1041' };
		input.lines = [newInvoiceLine('c1', input.invoice.id, 1, { description: 'Startup labor, standard time', kind: 'labor', qtyMilli: -2000, unit: 'h', rateCents: 12500, woNumber: 'WO-18472', taskCode: 'T1', poLineNo: 1, buyerItemCode: 'HVAC-LAB-STD' })];
		const l = layout(input);
		expectWellFormed(l, input);
		const title = textsOf(blocks(l, 'title'));
		expect(title).toEqual(expect.arrayContaining(['CREDIT NOTE', 'Credits invoice INV-1041', 'Credit note number', 'INV-1045']));
		expect(title).not.toContain('INVOICE');
		expect(title).not.toContain('Due date');
		expect(textsOf(blocks(l, 'references'))).toEqual(expect.arrayContaining(['CREDITS INVOICE', 'INV-1041', 'CREDIT TOTAL', '-$250.00']));
		expect(textsOf(blocks(l, 'terms')).join(' ')).toContain('This credit note lowers what is owed on invoice INV-1041 by $250.00. Nothing is due on it');
		expect(textsOf(blocks(l, 'totals'))).toEqual(expect.arrayContaining(['Credit total (USD)', '-$250.00']));
		expect(textsOf(blocks(l, 'pageFooter'))[0]).toMatch(/^Credit note INV-1045 {2}· {2}Credits invoice INV-1041/);
		expect(l.title).toBe('Credit note INV-1045');
	});

	it('prints the bill-to, the service location, the business and the remit-to addresses on lines, city and state together', () => {
		const l = layout(sampleInvoiceInput('INV-1041'));
		expect(textsOf(blocks(l, 'billTo'))).toEqual(expect.arrayContaining(['Accounts Payable, 1200 Mercy Way', 'Dayton, OH 45409']));
		expect(textsOf(blocks(l, 'site'))).toEqual(expect.arrayContaining(['1200 Mercy Way', 'Dayton, OH 45409']));
		expect(textsOf(blocks(l, 'business'))).toEqual(expect.arrayContaining(['418 Industrial Pkwy, Unit 6', 'Dayton, OH 45414']));
		expect(textsOf(blocks(l, 'totals'))).toEqual(expect.arrayContaining(['PO Box 20931', 'Dayton, OH 45420']));
	});

	it('says on a reissue which void invoice it replaces', () => {
		const input = sampleInvoiceInput('INV-1043');
		input.invoice = { ...input.invoice, reissueOf: 'INV-1041' };
		const title = textsOf(blocks(layout(input), 'title'));
		expect(title).toEqual(expect.arrayContaining(['INVOICE', 'Replaces void invoice INV-1041', 'Due date']));
	});

	it('says what the terms are when they name no discount, or none, or cannot be read', () => {
		const totals = { subtotal: 10000, discount: 0, tax: 0, freight: 0, total: 10000 };
		const at = (terms: string) => {
			const inv = { terms, invoiceDate: '2027-01-15' };
			return termsSentence(inv, totals, invoiceSchedule(inv, totals));
		};
		expect(at('Net 30')).toBe('Net 30: pay $100.00 by Feb 14, 2027.');
		expect(at('Due on receipt')).toBe('Due on receipt: pay $100.00 on receipt (Jan 15, 2027).');
		expect(at('')).toBe('No payment terms stated.');
		expect(at('Net 30 EOM')).toBe('Net 30 EOM.');
		const input = sampleInvoiceInput('INV-1041');
		input.invoice = { ...input.invoice, terms: 'Net 30 EOM' };
		expect(textsOf(blocks(layout(input), 'references'))).toContain('See terms');
	});

	it('lays out a 200-line invoice over pages, the header row on each and every line once', () => {
		const input = bigInvoiceInput(200);
		const l = layout(input);
		expect(l.pages.length).toBeGreaterThan(4);
		expectWellFormed(l, input);
		l.pages.forEach((p, i) => {
			expect(p.blocks.filter((b) => b.kind === 'tableHeader')).toHaveLength(1);
			if (i > 0) {
				expect(pageText(p)).toContain('Invoice INV-2001 continued');
				expect(pageText(p)).toContain('Job WO-18472, WO-18473  ·  PO 884120');
			}
		});
		// Several jobs on one invoice: each line says which job and task it bills.
		expect(textsOf(blocks(l, 'row').filter((r) => r.key === '7'))).toContain('WO-18473 · task T7');
		// The rows fill the pages: none ends more than one row's height above the bottom unless it is the last.
		for (const p of l.pages.slice(0, -1)) {
			const rows = p.blocks.filter((b) => b.kind === 'row');
			expect(BOTTOM - opsBottom(rows[rows.length - 1]!)).toBeLessThan(80);
		}
	});

	it('wraps a long description to its column, measured', () => {
		const input = sampleInvoiceInput('INV-1041');
		const long = 'Recover and recharge refrigerant circuit 2 after replacing the failed liquid line solenoid valve, leak test with nitrogen at 150 psi for 30 minutes, evacuate to 500 microns and log the readings on the service report';
		input.lines[0] = { ...input.lines[0]!, description: long };
		const l = layout(input);
		const row = blocks(l, 'row').find((r) => r.key === String(input.lines[0]!.lineNo))!;
		const descOps = row.ops.filter((o): o is TextOp => o.op === 'text' && o.x > 130 && o.x < 150);
		expect(descOps.length).toBeGreaterThan(3);
		expect(descOps.map((o) => o.text).join(' ')).toBe(long);
		for (const o of descOps) expect(approxMeasure(o.text, o.size, o.bold)).toBeLessThanOrEqual(206 - 8);
		// The row grows with its description; the money stays on its first line.
		expect(row.ops.find((o) => o.op === 'text' && o.text === '$2,000.00')).toMatchObject({ y: descOps[0]!.y, align: 'right' });
	});

	it('splits a row taller than a whole page between its lines, losing nothing', () => {
		const input = sampleInvoiceInput('INV-1041');
		const words = Array.from({ length: 900 }, (_, i) => `word${i}`);
		input.lines[1] = { ...input.lines[1]!, description: words.join(' ') };
		const l = layout(input);
		expectWellFormed(l, input);
		const parts = blocks(l, 'row').filter((r) => r.key === String(input.lines[1]!.lineNo));
		expect(parts.length).toBeGreaterThan(1);
		expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i));
		expect(new Set(parts.map((p) => p.page)).size).toBe(parts.length);
		expect(textsOf(parts).filter((t) => t.startsWith('word')).join(' ')).toBe(words.join(' '));
	});

	it('moves the totals to a new page when they do not fit below the last row, never splitting them', () => {
		let movedAt = 0;
		for (let n = 20; n <= 60 && !movedAt; n++) {
			const input = bigInvoiceInput(n);
			const l = layout(input);
			expectWellFormed(l, input);
			const last = l.pages[l.pages.length - 1]!;
			if (!last.blocks.some((b) => b.kind === 'row')) movedAt = n;
		}
		expect(movedAt).toBeGreaterThan(0);
		const l = layout(bigInvoiceInput(movedAt));
		const last = l.pages[l.pages.length - 1]!;
		const totals = last.blocks.find((b) => b.kind === 'totals')!;
		expect(textsOf([totals])).toContain('Total due (USD)');
		expect(opsTop(totals)).toBeLessThan(120);
		expect(pageText(last)).toContain('Invoice INV-2001 continued');
	});

	it('lays out an invoice with no lines sensibly', () => {
		const input = { ...sampleInvoiceInput('INV-1041'), lines: [] };
		const l = layout(input);
		expect(l.pages).toHaveLength(1);
		expectWellFormed(l, input);
		expect(textsOf(blocks(l, 'tableEmpty'))).toEqual(['No lines on this invoice.']);
		expect(textsOf(blocks(l, 'totals'))).toEqual(expect.arrayContaining(['Subtotal', 'Total due (USD)', '$0.00']));
		// No early-payment discount is offered on nothing.
		expect(textsOf(blocks(l, 'terms')).join(' ')).toBe('PAYMENT TERMS 2/10 Net 30: pay $0.00 by Jan 20, 2027.');
		expect(textsOf(blocks(l, 'totals')).some((t) => t.includes('if paid by'))).toBe(false);
	});

	it('places the logo with its proportions, and leaves out one it cannot read', () => {
		const withLogo = layout(sampleInvoiceInput('INV-1041', { ...business, logoDataUrl: logoDataUrl(300, 100) }));
		const img = withLogo.pages[0]!.blocks.flatMap((b) => b.ops).find((o) => o.op === 'image');
		expect(img).toMatchObject({ format: 'PNG', x: 40, y: 40 });
		expect(img!.op === 'image' && img!.w / img!.h).toBeCloseTo(3, 5);
		const broken = layout(sampleInvoiceInput('INV-1041', { ...business, logoDataUrl: 'data:image/png;base64,AAAA' }));
		expect(broken.pages[0]!.blocks.flatMap((b) => b.ops).some((o) => o.op === 'image')).toBe(false);
	});

	it('says when there is no PO, lists several sites, and marks a void invoice', () => {
		const input = sampleInvoiceInput('INV-1044');
		input.invoice = { ...input.invoice, status: 'void' };
		input.sites = [input.sites[0]!, { name: 'Mercy East', address: '1 East St, Dayton, OH', costCenter: 'CC-1' }, { name: 'Mercy North', address: '9 North Rd', costCenter: '' }];
		const l = layout(input);
		expect(textsOf(blocks(l, 'references'))).toEqual(expect.arrayContaining(['PO NUMBER', 'None']));
		expect(textsOf(blocks(l, 'title'))).toContain('VOID: NOT PAYABLE');
		const site = textsOf(blocks(l, 'site')).join(' ');
		expect(site).toContain('SERVICE LOCATIONS');
		for (const s of ['Mercy West Clinic', 'Mercy East', 'Mercy North', 'CC-1']) expect(site).toContain(s);
		expect(textsOf(blocks(l, 'pageFooter'))).toContain('Invoice INV-1044  ·  Job WO-18476');
	});

	it('keeps every line once and every page numbered for any number and length of lines', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: 60 }), { maxLength: 120 }), fc.boolean(), (lengths, notes) => {
				const base = bigInvoiceInput(lengths.length);
				const input: InvoiceDocInput = {
					...base,
					invoice: { ...base.invoice, notes: notes ? 'Work performed per PO 884120. '.repeat(30) : '' },
					lines: base.lines.map((x, i) => ({ ...x, description: `${x.description} ${'extra '.repeat(lengths[i]!)}`.trim() }))
				};
				expectWellFormed(layout(input), input);
			}),
			{ numRuns: 40 }
		);
	});
});
