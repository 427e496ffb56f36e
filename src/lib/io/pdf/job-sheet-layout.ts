import { formatDate } from '$lib/domain/dates';
import { formatMoney } from '$lib/domain/money';
import { formatQuantity } from '$lib/domain/quantity';
import type { BusinessProfile, ChangeOrder, Customer, Site, Task, WorkOrder } from '$lib/domain/records';
import { baseline, image, leading, line, rect, text, BAND, INK, MUTED } from './draw';
import { PageFlow, type Column, type PageFrame, type TableRow } from './flow';
import { imageInfo } from './image-size';
import { LETTER, type Block, type DocLayout, type DrawOp, type Measure } from './model';
import { ellipsize, wrapText } from './text';

/** What the crew needs on site, as plain data. No prices: the sheet travels with the crew. */
export interface JobSheetDocInput {
	workOrder: WorkOrder;
	tasks: Task[];
	changeOrders: ChangeOrder[];
	customer: Pick<Customer, 'name'>;
	/** `address` printed on lines (addressText). */
	site: (Pick<Site, 'name' | 'accessNotes' | 'costCenter'> & { address: string }) | null;
	business: Pick<BusinessProfile, 'legalName' | 'phone' | 'email'>;
	/** Sign-off photos, already reduced to PNG or JPEG data URLs (others are left out before this). */
	photos: { name: string; addedOn: string; dataUrl: string }[];
}

const FRAME: PageFrame = { width: LETTER.width, height: LETTER.height, left: 40, right: LETTER.width - 40, bottom: LETTER.height - 52 };
const TOP = 40;
const LABEL = 7;

const label = (x: number, top: number, value: string, color = MUTED) => text(x, baseline(top, LABEL), value.toUpperCase(), { size: LABEL, bold: true, color });
const words = (s: string) => s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

function scheduleText(wo: WorkOrder): string {
	const start = formatDate(wo.scheduledStart);
	const end = formatDate(wo.scheduledEnd);
	if (!start && !end) return 'Not scheduled';
	if (!end || end === start) return start || `by ${end}`;
	if (!start) return `by ${end}`;
	// `Dec 18 – Dec 19, 2026`: the year once when both days share it.
	const sameYear = wo.scheduledStart!.slice(0, 4) === wo.scheduledEnd!.slice(0, 4);
	return `${sameYear ? start.replace(/, \d{4}$/, '') : start} – ${end}`;
}

/** The job sheet as pages of positioned blocks. */
export function layoutJobSheet(input: JobSheetDocInput, measure: Measure): DocLayout {
	const { workOrder: wo, customer, site, business } = input;
	const L = FRAME.left;
	const R = FRAME.right;
	const W = R - L;
	const businessName = business.legalName.trim();
	const where = [site?.name.trim() ?? '', customer.name.trim()].filter((s) => s !== '').join('  ·  ');

	const firstHeader = (): { blocks: Block[]; bottom: number } => {
		const ops: DrawOp[] = [];
		if (businessName) ops.push(text(L, baseline(TOP, 13), ellipsize(businessName, W - 200, 13, true, measure), { size: 13, bold: true }));
		const contact = [business.phone.trim(), business.email.trim()].filter((s) => s !== '').join('  ·  ');
		if (contact) ops.push(text(L, baseline(TOP + 18, 8.5), ellipsize(contact, W - 200, 8.5, false, measure), { size: 8.5, color: MUTED }));
		ops.push(text(R, baseline(TOP - 4, 22), 'JOB SHEET', { size: 22, bold: true, align: 'right' }));
		ops.push(text(R, baseline(TOP + 24, 15), ellipsize(wo.number, 190, 15, true, measure), { size: 15, bold: true, align: 'right' }));
		const top = TOP + 50;
		const cells: [string, string, number][] = [
			['Type', words(wo.type), 92],
			['Priority', words(wo.priority), 72],
			['Status', words(wo.status), 88],
			['Scheduled', scheduleText(wo), 160],
			['PO number', wo.poNumber.trim() || 'None', W - 92 - 72 - 88 - 160]
		];
		const band: DrawOp[] = [rect(L, top, W, 36, { fill: BAND })];
		let cx = L;
		for (const [k, v, w] of cells) {
			band.push(label(cx + 8, top + 7, k), text(cx + 8, baseline(top + 18, 10.5), ellipsize(v, w - 14, 10.5, true, measure), { size: 10.5, bold: true }));
			cx += w;
			if (cx < R - 1) band.push(line(cx, top + 6, cx, top + 30, 0.75, '#ffffff'));
		}
		return { blocks: [{ kind: 'title', ops }, { kind: 'references', ops: band }], bottom: top + 36 + 14 };
	};

	const continuationHeader = (): { blocks: Block[]; bottom: number } => ({
		blocks: [
			{
				kind: 'continuationHeader',
				ops: [
					text(L, baseline(TOP, 11), ellipsize(businessName, W / 2 - 10, 11, true, measure), { size: 11, bold: true }),
					text(R, baseline(TOP, 11), `Job sheet ${wo.number} continued`, { size: 11, bold: true, align: 'right' }),
					text(R, baseline(TOP + 15, 9), ellipsize(where, W - 20, 9, false, measure), { size: 9, color: MUTED, align: 'right' }),
					line(L, TOP + 30, R, TOP + 30, 0.75, INK)
				]
			}
		],
		bottom: TOP + 42
	});

	const flow = new PageFlow(FRAME, measure, (i) => (i === 0 ? firstHeader() : continuationHeader()));

	// Scope: what the job is.
	if (wo.description.trim()) flow.paragraph('scope', wo.description, { size: 11.5, bold: true });
	if (wo.warrantyOf.trim()) flow.paragraph('warranty', `Warranty callback of ${wo.warrantyOf.trim()}: no charge to the customer.`, { size: 9, muted: true });
	flow.y += 8;

	/** A boxed note; one longer than a page is printed as a plain paragraph instead. */
	const note = (kind: string, title: string, body: string, loud: boolean, framed = loud) => {
		const size = loud ? 10.5 : 9.5;
		const lines = wrapText(body, W - 20, size, loud, measure);
		const h = 18 + lines.length * leading(size) + 8;
		if (h > flow.continuationBody) {
			flow.ensure(40);
			flow.add({ kind: `${kind}Label`, ops: [label(L, flow.y, title, loud ? INK : MUTED)] });
			flow.y += 12;
			flow.paragraph(kind, body, { size, bold: loud });
			flow.y += 10;
			return;
		}
		flow.keep(kind, h + 12, (top) => {
			const ops: DrawOp[] = framed
				? [rect(L, top, W, h, { stroke: INK, width: 1.5 }), rect(L, top, W, 14, { fill: INK }), label(L + 10, top + 4, title, '#ffffff')]
				: [rect(L, top, W, h, { stroke: '#9a9a9a', width: 0.75 }), label(L + 10, top + 6, title)];
			lines.forEach((l, i) => ops.push(text(L + 10, baseline(top + 20 + i * leading(size), size), l, { size, bold: loud })));
			return ops;
		});
	};

	// The safety box is always there and always loud in its frame; its text is bold only when it says something.
	const safety = wo.safetyNotes.trim();
	note('safety', 'Safety', safety || 'No safety notes recorded for this job. Follow the site rules and your own lockout/tagout procedure.', safety !== '', true);

	// Where and what: customer and site on the left, job details on the right.
	{
		const colW = (W - 24) / 2;
		const left: string[] = [customer.name.trim() || 'No customer'];
		const siteLines = site ? [site.name.trim(), site.address.trim(), site.costCenter.trim() ? `Cost center: ${site.costCenter.trim()}` : ''] : ['No site stated'];
		const leftWrapped = [
			...wrapText(left[0]!, colW, 10, true, measure).map((t) => ({ t, bold: true })),
			...wrapText(siteLines.filter((s) => s !== '').join('\n'), colW, 9.5, false, measure).map((t) => ({ t, bold: false }))
		].slice(0, 12);
		const details: [string, string][] = [
			['Asset', wo.asset.trim() || '—'],
			['Schedule', scheduleText(wo)],
			['Assigned to', wo.assignedTo.trim() || 'Unassigned'],
			['PO number', wo.poNumber.trim() || 'None'],
			['Not to exceed', wo.nteCents === null ? 'No cap' : formatMoney(wo.nteCents)],
			['Opened', formatDate(wo.openedOn)]
		];
		if (wo.completedOn) details.push(['Completed', formatDate(wo.completedOn)]);
		if (wo.quoteRef.trim()) details.push(['Quote', wo.quoteRef.trim()]);
		const valueW = colW - 78;
		const detailWrapped = details.map(([k, v]) => [k, wrapText(v, valueW, 9.5, false, measure).slice(0, 3)] as const);
		const rightH = detailWrapped.reduce((s, [, v]) => s + Math.max(1, v.length) * leading(9.5) + 2, 0);
		const h = 14 + Math.max(leftWrapped.length * leading(9.5), rightH);
		flow.keep('where', h + 8, (top) => {
			const rx = L + colW + 24;
			const ops: DrawOp[] = [label(L, top, site ? 'Customer and site' : 'Customer'), label(rx, top, 'Job details')];
			leftWrapped.forEach((l, i) => ops.push(text(L, baseline(top + 12 + i * leading(9.5), l.bold ? 10 : 9.5), l.t, { size: l.bold ? 10 : 9.5, bold: l.bold })));
			let y = top + 12;
			for (const [k, vs] of detailWrapped) {
				ops.push(text(rx, baseline(y, 9), k, { size: 9, color: MUTED }));
				vs.forEach((v, i) => ops.push(text(rx + 78, baseline(y + i * leading(9.5), 9.5), v, { size: 9.5, bold: k === 'PO number' })));
				y += Math.max(1, vs.length) * leading(9.5) + 2;
			}
			return ops;
		});
	}

	const access = [site?.accessNotes.trim() ?? '', wo.accessNotes.trim()].filter((s, i, all) => s !== '' && all.indexOf(s) === i).join('\n');
	note('access', 'Access', access || 'No access notes recorded.', false);

	// Tasks: what to do, with a box to tick. No rates or amounts.
	flow.y += 2;
	flow.ensure(60);
	flow.add({ kind: 'tasksLabel', ops: [text(L, baseline(flow.y, 11), 'Tasks', { size: 11, bold: true })] });
	flow.y += 16;
	const taskCols: Column[] = [
		{ title: 'Code', width: 46, align: 'left' },
		{ title: 'Description', width: 0, align: 'left' },
		{ title: 'Kind', width: 70, align: 'left' },
		{ title: 'Qty', width: 48, align: 'right' },
		{ title: 'Unit', width: 44, align: 'left' },
		{ title: 'Done', width: 40, align: 'center' }
	];
	taskCols[1]!.width = W - taskCols.reduce((s, c) => s + c.width, 0);
	const taskRows: TableRow[] = input.tasks.map((t) => {
		const why = t.changeOrderNumber.trim() ? `Added under change order ${t.changeOrderNumber.trim()}` : t.extra ? 'Extra work: needs an approved change order' : '';
		return {
			key: t.code,
			cells: [{ text: t.code, bold: true }, { text: t.description, extra: why ? [{ text: why, small: true, muted: true }] : [] }, { text: words(t.kind) }, { text: formatQuantity(t.qtyMilli) }, { text: t.unit }, { checkbox: t.done }]
		};
	});
	flow.table(taskCols, taskRows, { size: 9, headerSize: 7.5, padX: 4, padY: 4.5, empty: 'No tasks on this work order.' });

	if (input.changeOrders.length > 0) {
		flow.y += 12;
		flow.ensure(60);
		flow.add({ kind: 'changeOrdersLabel', ops: [text(L, baseline(flow.y, 11), 'Change orders', { size: 11, bold: true })] });
		flow.y += 16;
		const coCols: Column[] = [
			{ title: 'Number', width: 56, align: 'left' },
			{ title: 'Description', width: 0, align: 'left' },
			{ title: 'Status', width: 64, align: 'left' },
			{ title: 'Approved by', width: 110, align: 'left' },
			{ title: 'Approved on', width: 72, align: 'left' }
		];
		coCols[1]!.width = W - coCols.reduce((s, c) => s + c.width, 0);
		const coRows: TableRow[] = input.changeOrders.map((c) => ({
			key: c.number,
			cells: [{ text: c.number, bold: true }, { text: c.description }, { text: words(c.status), bold: c.status !== 'approved' }, { text: c.approvedBy }, { text: formatDate(c.approvedOn) }]
		}));
		flow.table(coCols, coRows, { size: 9, headerSize: 7.5, padX: 4, padY: 4.5, empty: '' });
	}

	// Sign-off, kept whole: filled in on site (or printed when already signed).
	flow.y += 12;
	const ruled = 3;
	const notes = wrapText(wo.completionNotes, W - 24, 9.5, false, measure).slice(0, ruled);
	const signH = 140;
	flow.keep('signOff', signH, (top) => {
		const ops: DrawOp[] = [rect(L, top, W, signH - 6, { stroke: INK, width: 1 }), label(L + 10, top + 8, 'Crew sign-off'), text(R - 10, baseline(top + 7, 8), 'Work complete, tested, site left safe and clean.', { size: 8, color: MUTED, align: 'right' })];
		const row1 = top + 32;
		const half = (W - 30) / 2;
		const field = (x: number, y: number, w: number, caption: string, value: string) => {
			if (value) ops.push(text(x + 2, y - 4, ellipsize(value, w - 4, 10, false, measure), { size: 10 }));
			ops.push(line(x, y, x + w, y, 0.75, INK), text(x, y + 9, caption, { size: 7.5, color: MUTED }));
		};
		field(L + 10, row1, half, 'Signed off by (print name)', wo.signedOffBy.trim());
		field(L + 20 + half, row1, half, 'Date', formatDate(wo.signedOffOn));
		field(L + 10, row1 + 26, W - 20, 'Signature', '');
		const notesTop = row1 + 40;
		ops.push(text(L + 10, baseline(notesTop, 7.5), 'Notes, readings, materials used', { size: 7.5, color: MUTED }));
		for (let i = 0; i < ruled; i++) {
			const y = notesTop + 24 + i * 16;
			if (notes[i]) ops.push(text(L + 12, y - 2.5, notes[i]!, { size: 9.5 }));
			ops.push(line(L + 10, y, R - 10, y, 0.5, '#9a9a9a'));
		}
		return ops;
	});

	photosOf(input, flow, measure);

	const running = ellipsize([`Job sheet ${wo.number}`, where].filter((s) => s !== '').join('  ·  '), W - 90, 7.5, false, measure);
	return flow.finish({ title: `Job sheet ${wo.number}`, subject: `Job sheet ${wo.number}${where ? ` for ${where}` : ''}`, author: businessName }, (i, count) => [
		{
			kind: 'pageFooter',
			ops: [
				line(L, FRAME.bottom + 14, R, FRAME.bottom + 14, 0.5, '#c8c8c8'),
				text(L, FRAME.bottom + 26, running, { size: 7.5, color: MUTED }),
				text(R, FRAME.bottom + 26, `Page ${i + 1} of ${count}`, { size: 8, align: 'right' })
			]
		}
	]);
}

/** Sign-off photos after the sign-off, two to a row, each with its file name and the day it was added. */
function photosOf(input: JobSheetDocInput, flow: PageFlow, measure: Measure): void {
	const photos = input.photos.flatMap((p) => {
		const info = imageInfo(p.dataUrl);
		return info ? [{ ...p, info }] : [];
	});
	if (photos.length === 0) return;
	const L = FRAME.left;
	const W = FRAME.right - L;
	const gap = 14;
	const cellW = (W - gap) / 2;
	const rows: { p: (typeof photos)[number]; w: number; h: number }[][] = [];
	for (let i = 0; i < photos.length; i += 2) {
		rows.push(
			photos.slice(i, i + 2).map((p) => {
				const scale = Math.min(cellW / p.info.width, 200 / p.info.height);
				return { p, w: p.info.width * scale, h: p.info.height * scale };
			})
		);
	}
	const rowH = (row: (typeof rows)[number]) => Math.max(...row.map((x) => x.h)) + 18;
	flow.y += 12;
	// The heading never ends a page alone: it goes with the first row.
	flow.ensure(16 + rowH(rows[0]!));
	flow.add({ kind: 'photosLabel', ops: [text(L, baseline(flow.y, 11), 'Sign-off photos', { size: 11, bold: true })] });
	flow.y += 16;
	for (const row of rows) {
		flow.keep('photos', rowH(row) + 6, (top) =>
			row.flatMap((x, k) => {
				const x0 = L + k * (cellW + gap);
				const caption = ellipsize(`${x.p.name}  ·  added ${formatDate(x.p.addedOn)}`, cellW, 7.5, false, measure);
				return [image(x.p.dataUrl, x.p.info.format, x0, top, x.w, x.h), text(x0, baseline(top + x.h + 4, 7.5), caption, { size: 7.5, color: MUTED })];
			})
		);
	}
}
