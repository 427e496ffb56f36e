import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ColDef, ValueGetterParams } from 'ag-grid-community';
import { lineAmount } from '$lib/domain/quantity';
import { TieoutDB } from '$lib/db/database';
import { updateRecord } from '$lib/db/repository';
import { LiveFindings } from '$lib/state/findings.svelte';
import { Workbook } from '$lib/state/workbook.svelte';
import { poLineBilledColumns, purchaseOrderColumns, workOrderColumns } from './record-columns';
import { openLiveSample, type LiveSample } from '$lib/testing/live-sample';

// The record grids' billed and remaining figures, read from the live reconciliation as it follows
// stored edits (state/findings.svelte.ts is tested on its own beside it).

const TODAY = '2027-01-15';
let db: TieoutDB;
let wb: Workbook;
let live: LiveFindings;
let opened: LiveSample | null = null;
afterEach(async () => {
	await opened?.close();
	opened = null;
});

async function open() {
	opened = await openLiveSample('billed-columns', TODAY);
	({ db, wb, live } = opened);
	return opened.sample;
}

/** What a computed column shows for a row. */
const cell = <T>(cols: ColDef<T>[], colId: string, data: T) => {
	const col = cols.find((c) => c.colId === colId)!;
	return (col.valueGetter as (p: ValueGetterParams<T>) => unknown)({ data } as ValueGetterParams<T>);
};

describe('billed and remaining on the record grids', () => {
	it('follow a stored edit of a line billing the PO and the job, and a voided invoice', async () => {
		const sample = await open();
		const draft = sample.invoices.find((i) => i.status === 'draft' && i.poNumber === '884120')!;
		const line = sample.invoiceLines.find((l) => l.invoiceId === draft.id && l.kind === 'labor' && l.poLineNo !== null)!;
		const po = sample.purchaseOrders.find((p) => p.number === '884120' && p.customerId === draft.customerId)!;
		const poLine = sample.poLines.find((l) => l.poId === po.id && l.lineNo === line.poLineNo)!;
		const wo = sample.workOrders.find((w) => w.number === line.woNumber)!;
		const poCols = purchaseOrderColumns(wb, live);
		const lineCols = poLineBilledColumns(wb, live);
		const woCols = workOrderColumns(wb, live);
		const before = { po: cell(poCols, 'billed', po) as number, left: cell(poCols, 'remaining', po) as number, line: cell(lineCols, 'billedQty', poLine) as number, wo: cell(woCols, 'billed', wo) as number };
		expect(before.po).toBeGreaterThan(0);
		expect(before.left).toBe(live.poBilled(po.id)!.capCents - before.po);

		const version = live.billedVersion;
		await updateRecord(db, 'invoiceLines', line.id, { qtyMilli: line.qtyMilli + 1000 });
		await vi.waitFor(() => expect(live.billedVersion).toBeGreaterThan(version));
		const added = lineAmount(line.qtyMilli + 1000, line.rateCents) - lineAmount(line.qtyMilli, line.rateCents);
		expect(cell(poCols, 'billed', po)).toBe(before.po + added);
		expect(cell(poCols, 'remaining', po)).toBe(before.left - added);
		expect(cell(lineCols, 'billedQty', poLine)).toBe(before.line + 1000);
		expect(cell(lineCols, 'remainingQty', poLine)).toBe(poLine.qtyMilli - before.line - 1000);
		expect(cell(woCols, 'billed', wo)).toBe(before.wo + added);

		await updateRecord(db, 'invoices', draft.id, { status: 'void' });
		await vi.waitFor(() => expect(cell(poCols, 'billed', po)).toBeLessThan(before.po));
		expect(cell(poCols, 'billed', po)).toBe(live.poBilled(po.id)!.billedCents);
	});

	it('leave a job with no NTE without a remaining figure', async () => {
		const sample = await open();
		const wo = sample.workOrders.find((w) => w.nteCents === null)!;
		expect(cell(workOrderColumns(wb, live), 'remaining', wo)).toBeNull();
		expect(cell(workOrderColumns(wb, live), 'billed', wo)).toEqual(expect.any(Number));
	});
});
