import { formatDate } from '$lib/domain/dates';
import { addressText, plainAddress, remitAddress } from '../../domain/addresses';
import { formatMoney } from '$lib/domain/money';
import { formatQuantity } from '$lib/domain/quantity';
import type { BusinessProfile, Customer, Invoice, InvoiceLine, Site } from '$lib/domain/records';
import { parseTerms } from '$lib/domain/terms';
import { invoiceLineAmount, invoiceSchedule, invoiceTotals, type InvoiceTotals } from '$lib/domain/totals';
import type { TermsSchedule } from '$lib/domain/terms';
import { baseline, image, leading, line, rect, text, BAND, INK, MUTED, RULE } from './draw';
import { PageFlow, type Column, type PageFrame, type TableRow } from './flow';
import { imageInfo } from './image-size';
import { LETTER, type Block, type DocLayout, type DrawOp, type Measure } from './model';
import { ellipsize, wrapText } from './text';

/**
 * Everything printed on an invoice, as plain data (it crosses to a worker by structured clone).
 * The job numbers and the PO number are the invoice's own (`workOrderNumbers`, `poNumber`, '' = none).
 */
export interface InvoiceDocInput {
	invoice: Invoice;
	lines: InvoiceLine[];
	/** `billingAddress`: printed on lines (addressText). */
	customer: Pick<Customer, 'name' | 'apContact' | 'apEmail'> & { billingAddress: string };
	/** The sites of the billed work orders, each once; `address` printed on lines. */
	sites: (Pick<Site, 'name' | 'costCenter'> & { address: string })[];
	business: BusinessProfile;
}


const FRAME: PageFrame = { width: LETTER.width, height: LETTER.height, left: 40, right: LETTER.width - 40, bottom: LETTER.height - 52 };
const TOP = 40;
const LABEL = 7;

/** Small grey capitals over a field, as on a printed form. */
const label = (x: number, top: number, value: string, align: 'left' | 'right' = 'left') => text(x, baseline(top, LABEL), value.toUpperCase(), { size: LABEL, bold: true, color: MUTED, align });

/** Wrapped lines from `top`; returns the ops and the y below them. */
function wrapped(x: number, top: number, width: number, value: string, size: number, measure: Measure, opts: { bold?: boolean; muted?: boolean; max?: number } = {}): { ops: DrawOp[]; bottom: number } {
	let ls = wrapText(value, width, size, opts.bold ?? false, measure);
	if (opts.max !== undefined && ls.length > opts.max) {
		ls = [...ls.slice(0, opts.max - 1), ellipsize(ls.slice(opts.max - 1).join(' '), width, size, opts.bold ?? false, measure)];
	}
	const lh = leading(size);
	const ops = ls.map((l, i) => text(x, baseline(top + i * lh, size), l, { size, bold: opts.bold, color: opts.muted ? MUTED : INK }));
	return { ops, bottom: top + ls.length * lh };
}

const percent = (bp: number) => `${bp / 100}%`;

/** The terms in words, with both the discount window and the full due date (what AP schedules on). */
export function termsSentence(invoice: Pick<Invoice, 'terms' | 'invoiceDate'>, totals: InvoiceTotals, schedule: TermsSchedule | null): string {
	const terms = invoice.terms.trim();
	if (!schedule) return terms === '' ? 'No payment terms stated.' : `${terms}.`;
	const parsed = parseTerms(terms);
	const full = formatMoney(totals.total);
	// A discount worth nothing (an empty or credit invoice) is not offered.
	if (schedule.discountDate && schedule.discountCents > 0 && parsed.ok) {
		const early = formatMoney(totals.total - schedule.discountCents);
		return `${terms}: pay ${early} by ${formatDate(schedule.discountDate)} (${percent(parsed.value.discountBp)} early-payment discount of ${formatMoney(schedule.discountCents)}), or the full ${full} by ${formatDate(schedule.dueDate)}.`;
	}
	if (schedule.dueDate === invoice.invoiceDate) return `${terms}: pay ${full} on receipt (${formatDate(schedule.dueDate)}).`;
	return `${terms}: pay ${full} by ${formatDate(schedule.dueDate)}.`;
}

const joinRefs = (xs: readonly string[]) => xs.map((x) => x.trim()).filter((x) => x !== '').join(', ');

/** Columns of the lines table; the description takes what the fixed ones leave. */
function invoiceColumns(width: number): Column[] {
	const fixed: Column[] = [
		{ title: 'Item code', width: 92, align: 'left' },
		{ title: 'Description', width: 0, align: 'left' },
		{ title: 'PO line', width: 36, align: 'right' },
		{ title: 'Qty', width: 42, align: 'right' },
		{ title: 'Unit', width: 30, align: 'left' },
		{ title: 'Rate', width: 60, align: 'right' },
		{ title: 'Amount', width: 68, align: 'right' }
	];
	const used = fixed.reduce((s, c) => s + c.width, 0);
	fixed[1]!.width = width - used;
	return fixed;
}

/** The invoice as pages of positioned blocks: pure, so it is tested without a PDF library. */
export function layoutInvoice(input: InvoiceDocInput, measure: Measure): DocLayout {
	const { invoice, customer, business } = input;
	const sorted = [...input.lines].sort((a, b) => a.lineNo - b.lineNo);
	const totals = invoiceTotals(sorted);
	const schedule = invoiceSchedule(invoice, totals);
	const jobs = joinRefs(invoice.workOrderNumbers);
	const po = invoice.poNumber.trim();
	const businessName = business.legalName.trim() || 'Invoice';
	const dueText = schedule ? formatDate(schedule.dueDate) : 'See terms';
	// A credit note is a document of its own kind: titled so, naming the invoice it corrects, owing nothing.
	const credits = invoice.creditOf.trim();
	const docName = credits ? 'Credit note' : 'Invoice';
	const L = FRAME.left;
	const R = FRAME.right;
	const W = R - L;

	const firstHeader = (): { blocks: Block[]; bottom: number } => {
		const blocks: Block[] = [];

		// Who is billing: logo, name, contact details.
		const from: DrawOp[] = [];
		let y = TOP;
		const logo = business.logoDataUrl ? imageInfo(business.logoDataUrl) : null;
		if (logo) {
			const scale = Math.min(160 / logo.width, 52 / logo.height);
			const w = logo.width * scale;
			const h = logo.height * scale;
			from.push(image(business.logoDataUrl, logo.format, L, y, w, h));
			y += h + 10;
		}
		// A long legal name is set smaller rather than cut: it is who the buyer pays.
		const nameSize = wrapText(businessName, 300, 15, true, measure).length <= 2 ? 15 : 12;
		const name = wrapped(L, y, 300, businessName, nameSize, measure, { bold: true, max: 3 });
		from.push(...name.ops);
		y = name.bottom + 2;
		const contact = [addressText(plainAddress(business)), joinRefs([business.phone, business.email]).replace(', ', '  ·  '), business.taxId.trim() ? `Tax ID ${business.taxId.trim()}` : '']
			.filter((s) => s !== '')
			.join('\n');
		const addr = wrapped(L, y, 290, contact, 8.5, measure, { muted: true, max: 7 });
		from.push(...addr.ops);
		blocks.push({ kind: 'business', ops: from });
		const leftBottom = addr.bottom;

		// What this is: INVOICE or CREDIT NOTE, its number and dates, and the invoice it corrects.
		const title: DrawOp[] = [text(R, baseline(TOP - 4, 26), docName.toUpperCase(), { size: 26, bold: true, align: 'right' })];
		let ry = TOP + 30;
		const banners = [
			invoice.status === 'void' ? 'VOID: NOT PAYABLE' : '',
			credits ? `Credits invoice ${credits}` : '',
			invoice.reissueOf.trim() ? `Replaces void invoice ${invoice.reissueOf.trim()}` : ''
		].filter((b) => b !== '');
		for (const b of banners) {
			title.push(text(R, baseline(ry, 11), ellipsize(b, 300, 11, true, measure), { size: 11, bold: true, align: 'right' }));
			ry += 16;
		}
		const meta: [string, string, boolean][] = credits
			? [
					['Credit note number', invoice.number, true],
					['Date', formatDate(invoice.invoiceDate), false],
					['Credits invoice', credits, true]
				]
			: [
					['Invoice number', invoice.number, true],
					['Invoice date', formatDate(invoice.invoiceDate), false],
					['Due date', dueText, true],
					['Terms', invoice.terms.trim() || 'None stated', false]
				];
		for (const [k, v, strong] of meta) {
			title.push(text(R - 150, baseline(ry, 9), k, { size: 9, color: MUTED }), text(R, baseline(ry, 9.5), ellipsize(v, 150 - measure(k, 9, false) - 10, 9.5, strong, measure), { size: 9.5, bold: strong, align: 'right' }));
			ry += 14;
		}
		blocks.push({ kind: 'title', ops: title });

		// What AP matches on, in one band: PO, jobs, due date, amount.
		const top = Math.max(leftBottom, ry) + 14;
		// The PO number, due date and amount stay on one line (set smaller if need be): AP keys them in.
		const cells: [string, string, number, boolean][] = [
			['PO number', po || 'None', 132, false],
			['Job number' + (invoice.workOrderNumbers.length > 1 ? 's' : ''), jobs || 'None', W - 132 - 100 - 112, true],
			credits ? ['Credits invoice', credits, 100, false] : ['Due date', dueText, 100, false],
			[credits ? 'Credit total' : 'Amount due', formatMoney(totals.total), 112, false]
		];
		const band: DrawOp[] = [];
		let cx = L;
		let bandBottom = top;
		const cellOps: DrawOp[] = [];
		for (const [k, v, w, wraps] of cells) {
			cellOps.push(label(cx + 10, top + 8, k));
			let size = 12;
			while (!wraps && size > 8 && measure(v, size, true) > w - 20) size -= 0.5;
			const value = wrapped(cx + 10, top + 19, w - 20, v, size, measure, { bold: true });
			cellOps.push(...value.ops);
			bandBottom = Math.max(bandBottom, value.bottom + 6);
			cx += w;
		}
		band.push(rect(L, top, W, bandBottom - top, { fill: BAND }));
		cx = L;
		for (const [, , w] of cells.slice(0, -1)) {
			cx += w;
			band.push(line(cx, top + 6, cx, bandBottom - 6, 0.75, '#ffffff'));
		}
		blocks.push({ kind: 'references', ops: [...band, ...cellOps] });

		// Who pays and where the work was done.
		const partiesTop = bandBottom + 16;
		const colW = (W - 24) / 2;
		const billTo: DrawOp[] = [label(L, partiesTop, 'Bill to')];
		let by = partiesTop + 12;
		const cust = wrapped(L, by, colW, customer.name || 'No customer', 10, measure, { bold: true });
		billTo.push(...cust.ops);
		by = cust.bottom;
		const attn = [customer.billingAddress.trim(), customer.apContact.trim() ? `Attn: ${customer.apContact.trim()}` : '', customer.apEmail.trim()].filter((s) => s !== '').join('\n');
		const billLines = wrapped(L, by, colW, attn, 9, measure, { max: 8 });
		billTo.push(...billLines.ops);
		blocks.push({ kind: 'billTo', ops: billTo });

		const sx = L + colW + 24;
		const site: DrawOp[] = [label(sx, partiesTop, input.sites.length > 1 ? 'Service locations' : 'Service location')];
		let sy = partiesTop + 12;
		if (input.sites.length === 0) {
			site.push(text(sx, baseline(sy, 9), 'Not stated', { size: 9, color: MUTED }));
			sy += leading(9);
		}
		// Several sites are listed compactly, one paragraph each, so the header stays on the first page.
		const many = input.sites.length > 2;
		for (const s of input.sites.slice(0, 6)) {
			if (many) {
				const one = wrapped(sx, sy, colW, [s.name, s.address.replace(/\n/g, ', '), s.costCenter ? `Cost center ${s.costCenter}` : ''].filter((x) => x.trim() !== '').join(' · '), 8.5, measure, { max: 2 });
				site.push(...one.ops);
				sy = one.bottom + 2;
				continue;
			}
			const n = wrapped(sx, sy, colW, s.name || 'Unnamed site', 10, measure, { bold: true, max: 2 });
			const a = wrapped(sx, n.bottom, colW, [s.address.trim(), s.costCenter.trim() ? `Cost center: ${s.costCenter.trim()}` : ''].filter((x) => x !== '').join('\n'), 9, measure, { max: 5 });
			site.push(...n.ops, ...a.ops);
			sy = a.bottom + 4;
		}
		if (input.sites.length > 6) {
			site.push(text(sx, baseline(sy, 8.5), `and ${input.sites.length - 6} more`, { size: 8.5, color: MUTED }));
			sy += leading(8.5);
		}
		blocks.push({ kind: 'site', ops: site });

		// Terms in words: the discount window and the full due date.
		const termsTop = Math.max(billLines.bottom, sy) + 12;
		const sentence = credits
			? `This credit note lowers what is owed on invoice ${credits} by ${formatMoney(-totals.total)}. Nothing is due on it: apply it against invoice ${credits}.`
			: termsSentence(invoice, totals, schedule);
		const t = wrapped(L + 10, termsTop + 18, W - 20, sentence, 9.5, measure);
		const termsBottom = t.bottom + 6;
		blocks.push({
			kind: 'terms',
			ops: [rect(L, termsTop, W, termsBottom - termsTop, { stroke: RULE, width: 0.75 }), label(L + 10, termsTop + 7, credits ? 'Credit' : 'Payment terms'), ...t.ops]
		});
		return { blocks, bottom: termsBottom + 16 };
	};

	const continuationHeader = (): { blocks: Block[]; bottom: number } => {
		const refs = [jobs ? `Job ${jobs}` : '', po ? `PO ${po}` : 'No PO'].filter((s) => s !== '').join('  ·  ');
		const ops: DrawOp[] = [
			text(L, baseline(TOP, 11), ellipsize(businessName, W / 2 - 10, 11, true, measure), { size: 11, bold: true }),
			text(R, baseline(TOP, 11), `${docName} ${invoice.number} continued`, { size: 11, bold: true, align: 'right' }),
			text(R, baseline(TOP + 15, 9), ellipsize(refs, W - 20, 9, false, measure), { size: 9, color: MUTED, align: 'right' }),
			line(L, TOP + 30, R, TOP + 30, 0.75, INK)
		];
		return { blocks: [{ kind: 'continuationHeader', ops }], bottom: TOP + 42 };
	};

	const header = (i: number) => (i === 0 ? firstHeader() : continuationHeader());
	const flow = new PageFlow(FRAME, measure, header);

	// Which job a line bills matters only when the invoice bills more than one.
	const severalJobs = new Set(sorted.map((l) => l.woNumber).filter((w) => w !== '')).size > 1 || invoice.workOrderNumbers.length > 1;
	const rows: TableRow[] = sorted.map((l) => ({
		key: String(l.lineNo),
		cells: [
			{ text: l.buyerItemCode },
			{
				text: l.description,
				extra: severalJobs && l.woNumber ? [{ text: [l.woNumber, l.taskCode].filter((s) => s !== '').join(' · task '), small: true, muted: true }] : []
			},
			{ text: l.poLineNo === null ? '' : String(l.poLineNo) },
			{ text: formatQuantity(l.qtyMilli) },
			{ text: l.unit },
			{ text: formatMoney(l.rateCents) },
			{ text: formatMoney(invoiceLineAmount(l)) }
		]
	}));
	flow.table(invoiceColumns(W), rows, { size: 8.5, headerSize: 7.5, padX: 4, padY: 4, empty: 'No lines on this invoice.' });

	// Totals on the right and remit-to on the left, kept together on one page.
	const totalRows: [string, number][] = [['Subtotal', totals.subtotal]];
	if (totals.discount !== 0) totalRows.push(['Discount', totals.discount]);
	if (totals.tax !== 0) totalRows.push(['Tax', totals.tax]);
	if (totals.freight !== 0) totalRows.push(['Freight', totals.freight]);
	const remit = addressText(remitAddress(business)) || [business.legalName.trim(), addressText(plainAddress(business))].filter((s) => s !== '').join('\n');
	const remitWrapped = wrapText(remit, 260, 9, false, measure).slice(0, 8);
	const questions = joinRefs([business.phone, business.email]).replace(', ', '  ·  ');
	const earlyLine = schedule?.discountDate && schedule.discountCents > 0 ? `or ${formatMoney(totals.total - schedule.discountCents)} if paid by ${formatDate(schedule.discountDate)}` : '';
	const totalsH = totalRows.length * 15 + 8 + 24 + (earlyLine ? 14 : 0);
	const remitH = remitWrapped.length === 0 ? 0 : 12 + remitWrapped.length * leading(9) + (questions ? 16 : 0);
	const closingH = Math.max(totalsH, remitH) + 10;
	// The totals, notes and footer note end the invoice together on one page when they fit on one;
	// only notes longer than a page flow on after the totals.
	const notesText = invoice.notes.trim();
	const footerText = business.invoiceFooter.trim();
	const notesH = notesText ? 16 + wrapText(notesText, W, 9, false, measure).length * leading(9) + 6 : 0;
	const footerH = footerText ? 8 + wrapText(footerText, W, 8.5, false, measure).length * leading(8.5) : 0;
	const endingH = closingH + 8 + notesH + footerH;
	if (!flow.fits(endingH) && endingH <= flow.continuationBody) flow.newPage();
	flow.keep('totals', closingH + 8, (top0) => {
		const top = top0 + 10;
		const tx = R - 220;
		const ops: DrawOp[] = [];
		let y = top;
		for (const [k, v] of totalRows) {
			ops.push(text(tx + 8, baseline(y, 9), k, { size: 9, color: MUTED }), text(R - 4, baseline(y, 9.5), formatMoney(v), { size: 9.5, align: 'right' }));
			y += 15;
		}
		y += 4;
		ops.push(rect(tx, y, 220, 22, { fill: BAND }), line(tx, y, R, y, 1, INK));
		ops.push(text(tx + 8, baseline(y + 5, 11), credits ? 'Credit total (USD)' : 'Total due (USD)', { size: 11, bold: true }), text(R - 4, baseline(y + 5, 12), formatMoney(totals.total), { size: 12, bold: true, align: 'right' }));
		y += 26;
		if (earlyLine) ops.push(text(R - 4, baseline(y + 2, 8.5), earlyLine, { size: 8.5, color: MUTED, align: 'right' }));
		if (remitWrapped.length > 0) {
			ops.push(label(L, top, 'Remit payment to'));
			remitWrapped.forEach((l, i) => ops.push(text(L, baseline(top + 12 + i * leading(9), 9), l, { size: 9, bold: i === 0 })));
			if (questions) ops.push(text(L, baseline(top + 16 + remitWrapped.length * leading(9), 8.5), `Questions: ${questions}`, { size: 8.5, color: MUTED }));
		}
		return ops;
	});

	if (notesText) {
		flow.ensure(16 + leading(9) * 2);
		flow.add({ kind: 'notesLabel', ops: [label(L, flow.y + 4, 'Notes')] });
		flow.y += 16;
		flow.paragraph('notes', notesText, { size: 9 });
		flow.y += 6;
	}
	if (footerText) {
		flow.y += 8;
		flow.paragraph('footerNote', footerText, { size: 8.5, muted: true });
	}

	const running = ellipsize([`${docName} ${invoice.number}`, credits ? `Credits invoice ${credits}` : '', po ? `PO ${po}` : '', jobs ? `Job ${jobs}` : ''].filter((s) => s !== '').join('  ·  '), W - 90, 7.5, false, measure);
	return flow.finish({ title: `${docName} ${invoice.number}`, subject: `${docName} ${invoice.number} to ${customer.name}${credits ? `, crediting invoice ${credits}` : ''}`, author: business.legalName }, (i, count) => [
		{
			kind: 'pageFooter',
			ops: [
				line(L, FRAME.bottom + 14, R, FRAME.bottom + 14, 0.5, RULE),
				text(L, FRAME.bottom + 26, running, { size: 7.5, color: MUTED }),
				text(R, FRAME.bottom + 26, `Page ${i + 1} of ${count}`, { size: 8, align: 'right' })
			]
		}
	]);
}
