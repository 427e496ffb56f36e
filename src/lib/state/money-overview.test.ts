import { describe, expect, it } from 'vitest';
import { defaultSettings } from '$lib/domain/records';
import { sampleWorkbook } from '$lib/domain/sample-workbook';
import { reconcileAll } from '$lib/reconcile';
import { overviewOf } from './money-overview';

const TODAY = '2027-03-15';

function sample() {
	let n = 0;
	const wb = sampleWorkbook(TODAY, () => `id-${++n}`);
	const findings = reconcileAll({ ...wb, settings: defaultSettings(), today: TODAY });
	const records = {
		invoices: wb.invoices,
		linesOf: (id: string) => wb.invoiceLines.filter((l) => l.invoiceId === id),
		task: (id: string) => wb.tasks.find((t) => t.id === id),
		workOrder: (id: string) => wb.workOrders.find((w) => w.id === id),
		customerName: (id: string) => wb.customers.find((c) => c.id === id)?.name ?? ''
	};
	return { wb, findings, records };
}

describe('overviewOf, on the sample workbook', () => {
	it('takes unbilled work from the UNBILLED_COMPLETE_WORK findings, per job', () => {
		const { findings, records } = sample();
		const { unbilled } = overviewOf(records, findings, TODAY);
		// WO-18473: PM $650.00 + 24 filters × $14.25; WO-18481: 6 h × $98 + $1,450 + 2 × $64.50 + $185.
		expect(unbilled.map((j) => [j.number, j.tasks, j.amount])).toEqual([
			['WO-18473', 2, 992_00],
			['WO-18481', 4, 2_352_00]
		]);
	});

	it('holds back every draft an error stands against: neither sample draft is ready', () => {
		const { findings, records } = sample();
		expect(overviewOf(records, findings, TODAY).ready).toEqual([]);
		// Without the findings, both drafts would be offered: it is the errors that hold them back.
		expect(overviewOf(records, [], TODAY).ready.map((r) => r.number)).toEqual(['INV-1043', 'INV-1044']);
	});

	it('owes the one sent invoice, 25 days old, in 0–30, not yet due', () => {
		const { findings, records, wb } = sample();
		const view = overviewOf(records, findings, TODAY);
		const mercy = wb.customers.find((c) => c.name === 'Mercy General Hospital')!;
		// INV-1041: 16 h × $125 + 34 lb × $18.50 + $95 + $350 + $45 freight.
		expect(view.owed.rows).toEqual([{ customerId: mercy.id, invoices: [{ id: expect.any(String), number: 'INV-1041', ageDays: 25, total: 3_119_00 }], buckets: [3_119_00, 0, 0, 0], total: 3_119_00 }]);
		expect(view.overdue).toEqual([]);
		// Its 2/10 discount ran out 15 days ago.
		expect(view.discounts).toEqual([]);
	});
});
