import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../domain/records';
import { sampleWorkbook } from '../domain/sample-workbook';
import { reconcileAll } from './reconcile-all';
import { Reconciler } from './reconciler';
import type { Finding, Workbook } from './types';

const TODAY = '2027-03-15';

function sample(): Workbook {
	let n = 0;
	return { ...sampleWorkbook(TODAY, () => `id-${++n}`), settings: defaultSettings(), today: TODAY };
}

/** A finding's key with record ids replaced by the names people see (`INV-1041 line 4`, `WO-18474 T4`). */
function subject(wb: Workbook, f: Finding): string {
	const inv = (id: string) => wb.invoices.find((i) => i.id === id)!;
	const wo = (id: string) => wb.workOrders.find((w) => w.id === id)!;
	const po = (id: string) => wb.purchaseOrders.find((p) => p.id === id)!;
	const name: Record<string, (id: string) => string> = {
		invoices: (id) => inv(id).number,
		invoiceLines: (id) => {
			const l = wb.invoiceLines.find((x) => x.id === id)!;
			return `${inv(l.invoiceId).number} line ${l.lineNo}`;
		},
		workOrders: (id) => wo(id).number,
		tasks: (id) => {
			const t = wb.tasks.find((x) => x.id === id)!;
			return `${wo(t.workOrderId).number} ${t.code}`;
		},
		purchaseOrders: (id) => `PO ${po(id).number}`,
		poLines: (id) => {
			const l = wb.poLines.find((x) => x.id === id)!;
			return `PO ${po(l.poId).number} line ${l.lineNo}`;
		}
	};
	const parts = f.key.split('|').slice(1);
	return parts
		.map((p) => {
			const m = /^(\w+):(.+)$/.exec(p);
			return m && name[m[1]!] ? name[m[1]!]!(m[2]!) : p;
		})
		.join(' / ');
}

describe('the sample workbook', () => {
	const wb = sample();
	const found = reconcileAll(wb);
	const list = found.map((f) => `${f.code} ${subject(wb, f)}`);

	it('yields exactly the problems it was built with, on the records that have them', () => {
		expect(list.sort()).toEqual(
			[
				'CHANGE_UNAPPROVED WO-18474 T4',
				'LINE_UNBACKED INV-1041 line 4',
				'OVER_NTE WO-18474',
				'OVER_PO_QTY PO 884120 line 1',
				'PO_LINE_UNMATCHED INV-1041 line 4',
				'PO_MISSING INV-1044',
				'PO_MISSING INV-1044 / WO-18476',
				'PRICE_MISMATCH INV-1043 line 1',
				'QTY_OVER_PERFORMED INV-1041 line 2',
				'STALE_TICKET WO-18482',
				'TERMS_MISMATCH INV-1043',
				'TICKET_NOT_COMPLETE INV-1044 / WO-18476',
				'UNBILLED_COMPLETE_WORK WO-18473 T1',
				'UNBILLED_COMPLETE_WORK WO-18473 T2',
				'UNBILLED_COMPLETE_WORK WO-18481 T1',
				'UNBILLED_COMPLETE_WORK WO-18481 T2',
				'UNBILLED_COMPLETE_WORK WO-18481 T3',
				'UNBILLED_COMPLETE_WORK WO-18481 T4',
				'WARRANTY_BILLED INV-1043 line 5'
			].sort()
		);
	});

	it('says why in sentences with the numbers', () => {
		const msg = (code: string) => found.find((f) => f.code === code)!.message;
		expect(msg('OVER_PO_QTY')).toBe('PO 884120 line 1 authorises 16 h; INV-1041 line 1, INV-1043 line 4 and INV-1043 line 5 bill 23 h in all (7 h over).');
		expect(msg('OVER_NTE')).toBe(
			'WO-18474 is billed $2,915.00 before tax on INV-1043, over its NTE cap of $2,500.00 by $415.00.'
		);
		expect(msg('PRICE_MISMATCH')).toBe('Invoice INV-1043 line 1 bills $195.00/h; PO 884120 line 2 authorises $187.50/h ($7.50/h over, $75.00 on 10 h).');
		expect(msg('CHANGE_UNAPPROVED')).toContain('CO-1, which is pending, not approved');
		expect(msg('WARRANTY_BILLED')).toContain('WO-18475 (warranty callback of WO-18472) at $125.00/h');
		expect(msg('STALE_TICKET')).toContain('open 75 days');
	});

	it('counts findings by severity, and the incremental engine starts from the same list', () => {
		const rec = new Reconciler(wb);
		expect(rec.counts()).toEqual({ error: 10, warning: 2, info: 7 });
		expect(rec.findings()).toEqual(found);
	});

	it('approving CO-1 clears CHANGE_UNAPPROVED and lifts WO-18474 within its cap', () => {
		const rec = new Reconciler(wb);
		const co = wb.changeOrders[0]!;
		rec.apply({ table: 'changeOrders', upserts: [{ ...co, status: 'approved' }], removes: [] });
		const codes = rec.findings().map((f) => f.code);
		expect(codes).not.toContain('CHANGE_UNAPPROVED');
		expect(codes).not.toContain('OVER_NTE');
	});
});
