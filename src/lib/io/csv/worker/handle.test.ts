import { describe, expect, it } from 'vitest';
import { answer, sliceOf } from './handle';
import { SLICE, type WorkerResponse } from './protocol';
import { acme } from '../test-helpers';

const csv = (lines: number) =>
	['PO Number,Line,Description,Quantity,Unit Price', ...Array.from({ length: lines }, (_, i) => `PO-${Math.floor(i / 100)},${(i % 100) + 1},Line ${i},1,10.00`)].join('\r\n');

function ask(req: Parameters<typeof answer>[0]): WorkerResponse {
	const [r] = answer(req, () => {});
	return r!;
}

describe('the import worker', () => {
	it('reads, plans, and hands the writes over in slices that add up to the whole plan, in order', () => {
		const lines = SLICE * 2 + 123;
		const bytes = new TextEncoder().encode(csv(lines)).buffer as ArrayBuffer;
		const read = ask({ type: 'read', id: 1, bytes, fileName: 'big.csv', chosen: {} });
		expect(read).toMatchObject({ type: 'read', ok: true, summary: { rowCount: lines } });
		const plan = ask({
			type: 'plan',
			id: 2,
			kind: 'po',
			mapping: { poNumber: 'PO Number', lineNo: 'Line', description: 'Description', quantity: 'Quantity', unitPrice: 'Unit Price' },
			options: { decimal: '.', dateOrder: 'mdy' },
			customerId: acme.id,
			customers: [acme],
			sites: [],
			today: '2027-01-15',
			stored: { purchaseOrders: [], poLines: [] },
			references: {}
		});
		if (plan.type !== 'plan' || !plan.outcome.ok) throw new Error('expected a plan');
		const pos = Math.ceil(lines / 100);
		expect(plan.outcome.plan.counts).toMatchObject({ total: pos, new: pos, writes: pos + lines });
		expect(plan.outcome.plan.records.length).toBeLessThanOrEqual(50);

		const lineNos: string[] = [];
		let offset: number | null = 0;
		let slices = 0;
		while (offset !== null) {
			const r = ask({ type: 'take', id: 3 + slices, offset });
			if (r.type !== 'take') throw new Error('expected a slice');
			const count = Object.values(r.slice.put).reduce((n, rows) => n + (rows?.length ?? 0), 0);
			expect(count).toBeLessThanOrEqual(SLICE);
			expect(!!r.slice.revisions).toBe(slices === 0);
			for (const l of r.slice.put.poLines ?? []) lineNos.push(l.description);
			offset = r.slice.next;
			slices++;
		}
		expect(slices).toBe(Math.ceil((pos + lines) / SLICE));
		expect(lineNos).toEqual(Array.from({ length: lines }, (_, i) => `Line ${i}`));
	});

	it('a slice of an empty plan is empty and the last', () => {
		expect(sliceOf({ put: {}, remove: {}, revisions: [] }, 0)).toEqual({ put: {}, remove: {}, revisions: [], next: null });
	});
});
