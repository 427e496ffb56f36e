import { describe, expect, it } from 'vitest';
import { newTask } from '$lib/domain/factories';
import { approxMeasure, logoDataUrl, sampleJobSheetInput } from './fixtures.test-helper';
import { layoutJobSheet, type JobSheetDocInput } from './job-sheet-layout';
import type { Block, DocLayout, TextOp } from './model';

const layout = (input: JobSheetDocInput) => layoutJobSheet(input, approxMeasure);
const textsOf = (blocks: Block[]) => blocks.flatMap((b) => b.ops.filter((o): o is TextOp => o.op === 'text').map((o) => o.text));
const blocks = (l: DocLayout, kind: string) => l.pages.flatMap((p, page) => p.blocks.filter((b) => b.kind === kind).map((b) => ({ ...b, page })));

describe('job sheet layout', () => {
	it('has what the crew needs on site, safety first, and no prices', () => {
		const input = sampleJobSheetInput('WO-18472');
		const l = layout(input);
		expect(l.pages).toHaveLength(1);
		expect(l.title).toBe('Job sheet WO-18472');
		const all = textsOf(l.pages[0]!.blocks).join('\n');
		for (const s of ['JOB SHEET', 'WO-18472', 'Corrective', 'High', 'Invoiced', 'Mercy General Hospital', 'Main Hospital: Loading Dock / Chiller Plant', '1200 Mercy Way', 'Dayton, OH 45409', 'Chiller CH-2 (Trane RTAC)', 'R. Alvarez', '884120', 'No cap', 'Badge at security desk B; escort required in plant room', 'Startup labor, standard time', 'Labor', 'Material']) {
			expect(all).toContain(s);
		}
		expect(all).toContain('Dec 18 – Dec 19, 2026');
		// Safety notes are prominent: their own box, bold, right after the scope.
		const safety = blocks(l, 'safety')[0]!;
		expect(textsOf([safety])).toEqual(['SAFETY', 'Lockout/tagout on CH-2 disconnect']);
		expect(safety.ops.find((o) => o.op === 'text' && o.text.startsWith('Lockout'))).toMatchObject({ bold: true });
		const kinds = l.pages[0]!.blocks.map((b) => b.kind);
		expect(kinds.indexOf('safety')).toBeLessThan(kinds.indexOf('where'));
		// The crew sheet carries no rates or amounts.
		expect(all).not.toMatch(/\$\d/);
	});

	it('says when the work was completed, when the job records it', () => {
		const input = sampleJobSheetInput('WO-18472');
		const details = (i: JobSheetDocInput) => textsOf(blocks(layout(i), 'where'));
		expect(details(input)).not.toContain('Completed');
		input.workOrder = { ...input.workOrder, completedOn: '2026-12-19' };
		const withDate = details(input);
		expect(withDate[withDate.indexOf('Completed') + 1]).toBe('Dec 19, 2026');
	});

	it('ticks the tasks that are done and leaves the others to tick', () => {
		const input = sampleJobSheetInput('WO-18476');
		input.tasks = [{ ...input.tasks[0]!, done: true }, { ...input.tasks[1]!, done: false }];
		const l = layout(input);
		const rows = blocks(l, 'row');
		expect(rows.map((r) => r.key)).toEqual(['T1', 'T2']);
		const marks = rows.map((r) => r.ops.filter((o) => o.op === 'line' && o.width === 1).length);
		expect(marks).toEqual([2, 0]);
		for (const r of rows) expect(r.ops.some((o) => o.op === 'rect' && o.w === 9 && o.h === 9)).toBe(true);
	});

	it('lists change orders with their status and names the task added under one', () => {
		const l = layout(sampleJobSheetInput('WO-18474'));
		const co = textsOf(blocks(l, 'row').filter((r) => r.key === 'CO-1'));
		expect(co[0]).toBe('CO-1');
		expect(co.slice(1, -1).join(' ')).toBe('Clean condenser coils found fouled during emergency call');
		expect(co[co.length - 1]).toBe('Pending');
		expect(textsOf(blocks(l, 'row').filter((r) => r.key === 'T4'))).toContain('Added under change order CO-1');
		expect(textsOf(blocks(l, 'signOff'))).toEqual(expect.arrayContaining(['CREW SIGN-OFF', 'Night supervisor T. Reyes', 'Jan 3, 2027', 'Signature']));
	});

	it('paginates a long task list with the header row on every page and the sign-off kept whole', () => {
		const input = sampleJobSheetInput('WO-18473');
		input.tasks = Array.from({ length: 150 }, (_, i) => newTask(`t${i}`, input.workOrder.id, `T${i + 1}`, { description: `Inspect and record unit ${i + 1}${i % 10 === 0 ? ', including belts, bearings, drain pan, condensate pump and economiser linkage' : ''}` }));
		const l = layout(input);
		expect(l.pages.length).toBeGreaterThan(3);
		l.pages.forEach((p, i) => {
			expect(textsOf(p.blocks.filter((b) => b.kind === 'pageFooter'))).toContain(`Page ${i + 1} of ${l.pages.length}`);
			if (p.blocks.some((b) => b.kind === 'row')) expect(p.blocks.filter((b) => b.kind === 'tableHeader')).toHaveLength(1);
			if (i > 0) expect(textsOf(p.blocks)).toContain('Job sheet WO-18473 continued');
		});
		expect(blocks(l, 'row').map((r) => r.key)).toEqual(input.tasks.map((t) => t.code));
		expect(blocks(l, 'signOff')).toHaveLength(1);
		expect(blocks(l, 'signOff')[0]!.page).toBe(l.pages.length - 1);
	});

	it('copes with a job with no site, no tasks and no schedule', () => {
		const input = sampleJobSheetInput('WO-18480');
		input.site = null;
		const l = layout(input);
		const all = textsOf(l.pages.flatMap((p) => p.blocks));
		expect(all).toEqual(expect.arrayContaining(['No site stated', 'Not scheduled', 'No tasks on this work order.', 'No access notes recorded.']));
		expect(blocks(l, 'safety')[0]!.ops.find((o) => o.op === 'text' && o.text.startsWith('No safety notes'))).toMatchObject({ bold: false });
	});

	it('prints sign-off photos after the sign-off, two to a row, in proportion, each named with its date', () => {
		const input = sampleJobSheetInput('WO-18472');
		const wide = logoDataUrl(400, 100);
		const tall = logoDataUrl(60, 120);
		input.photos = [
			{ name: 'gauge.png', addedOn: '2026-12-19', dataUrl: wide },
			{ name: 'panel.png', addedOn: '2026-12-19', dataUrl: tall },
			{ name: 'tag.png', addedOn: '2026-12-20', dataUrl: wide },
			{ name: 'notes.pdf', addedOn: '2026-12-20', dataUrl: 'data:application/pdf;base64,JVBERi0=' }
		];
		const l = layout(input);
		const rows = blocks(l, 'photos');
		expect(rows).toHaveLength(2);
		const images = rows.flatMap((b) => b.ops.filter((o) => o.op === 'image'));
		// The PDF, which is no picture, is left out.
		expect(images).toHaveLength(3);
		for (const im of images) expect(im.op === 'image' && Math.abs(im.w / im.h - (im.dataUrl === wide ? 4 : 0.5))).toBeLessThan(0.01);
		expect(textsOf(rows)).toEqual(['gauge.png  ·  added Dec 19, 2026', 'panel.png  ·  added Dec 19, 2026', 'tag.png  ·  added Dec 20, 2026']);
		// After the sign-off, headed, and the heading on the same page as the first row.
		const order = l.pages.flatMap((p, page) => p.blocks.map((b) => `${page}:${b.kind}`));
		const at = (k: string) => order.findIndex((x) => x.endsWith(`:${k}`));
		expect(at('signOff')).toBeLessThan(at('photosLabel'));
		expect(order[at('photosLabel')]!.split(':')[0]).toBe(order[at('photos')]!.split(':')[0]);
		// Without photos there is no heading.
		expect(blocks(layout(sampleJobSheetInput('WO-18472')), 'photosLabel')).toEqual([]);
	});
});
