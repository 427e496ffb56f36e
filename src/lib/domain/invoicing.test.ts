import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { billedTaskKeys, buildInvoice, invoicesBilling, naturalCompare, nextInvoiceNumber, type BuildInvoiceInput, type BuildResult, type BuiltInvoice } from './invoicing';
import { billedKey } from './lifecycle';
import { lineAmount } from './quantity';
import { invoiceTotals } from './totals';
import { validateInvoice, validateInvoiceLine } from './validate';
import { TASK_KINDS, WORK_ORDER_TYPES, type Settings, type Task, type WorkOrder } from './records';
import { customer, invoice, invoiceLine, poLine, purchaseOrder, settings, task, workOrder } from '$lib/testing/builders';

const TODAY = '2027-01-15';
const CUST = customer({ id: 'cust-1', name: 'Northwind Facilities', defaultTerms: '1/15 Net 45' });
const PO = purchaseOrder({ id: 'po-1', customerId: 'cust-1', number: '4500012345', terms: '2/10 Net 30' });
const PO_LINES = [
	poLine({ poId: 'po-1', lineNo: 1, buyerItemCode: 'LAB-HVAC' }),
	poLine({ poId: 'po-1', lineNo: 2, buyerItemCode: 'MAT-CMP' }),
	poLine({ poId: 'po-other', lineNo: 3, buyerItemCode: 'MAT-FLT' })
];
const signed = { status: 'complete', signedOffBy: 'Dana Facilities', signedOffOn: '2027-01-14' } as const;
const job = (id: string, number: string, x: Partial<WorkOrder> = {}) => workOrder({ id, number, customerId: 'cust-1', poNumber: '4500012345', ...signed, ...x });
const t = (woId: string, code: string, x: Partial<Task> = {}) => task({ id: `${woId}-${code}`, workOrderId: woId, code, done: true, ...x });

/** Settings without a tax rate: the tax line has tests of its own below. */
const untaxed = (x: Partial<Settings> = {}) => settings({ taxRateBp: 0, ...x });

function ids() {
	let n = 0;
	return () => `id-${++n}`;
}

function input(workOrders: WorkOrder[], tasks: Task[], x: Partial<BuildInvoiceInput> = {}): BuildInvoiceInput {
	const tasksByWo = new Map<string, Task[]>();
	for (const task of tasks) tasksByWo.set(task.workOrderId, [...(tasksByWo.get(task.workOrderId) ?? []), task]);
	return {
		workOrders,
		tasksByWo,
		customer: CUST,
		po: PO,
		poLines: PO_LINES,
		settings: untaxed({ invoicePrefix: 'INV-', nextInvoiceNo: 1042, defaultTerms: 'Net 30' }),
		today: TODAY,
		idGen: ids(),
		existingInvoiceNumbers: [],
		alreadyBilled: new Set(),
		...x
	};
}
function built(r: BuildResult): BuiltInvoice {
	if (!r.ok) throw new Error(`expected an invoice, got: ${r.reasons.join(' | ')}`);
	return r.value;
}
function reasons(r: BuildResult): string[] {
	if (r.ok) throw new Error('expected a refusal');
	return r.reasons;
}

describe('buildInvoice', () => {
	const wo = job('wo-a', 'WO-18472', { siteId: 'site-1' });
	const tasks = [
		t('wo-a', 'T10', { description: 'Compressor', kind: 'material', qtyMilli: 1_000, unit: 'ea', rateCents: 180_000, buyerItemCode: 'MAT-CMP', poLineNo: 2 }),
		t('wo-a', 'T2', { description: 'Technician labor', kind: 'labor', qtyMilli: 6_500, unit: 'h', rateCents: 12_500, buyerItemCode: 'LAB-HVAC', poLineNo: 1 })
	];

	it('copies customer, PO, job number, date and each done task as a line in task order', () => {
		const { invoice: inv, lines, settingsPatch, notes } = built(buildInvoice(input([wo], tasks)));
		expect(inv).toMatchObject({ number: 'INV-1042', customerId: 'cust-1', invoiceDate: TODAY, terms: '2/10 Net 30', poNumber: '4500012345', workOrderNumbers: ['WO-18472'], status: 'draft' });
		expect(lines.map((l) => [l.lineNo, l.taskCode, l.description, l.kind, l.qtyMilli, l.unit, l.rateCents, l.buyerItemCode, l.poLineNo, l.woNumber])).toEqual([
			[1, 'T2', 'Technician labor', 'labor', 6_500, 'h', 12_500, 'LAB-HVAC', 1, 'WO-18472'],
			[2, 'T10', 'Compressor', 'material', 1_000, 'ea', 180_000, 'MAT-CMP', 2, 'WO-18472']
		]);
		expect(lines.every((l) => l.invoiceId === inv.id)).toBe(true);
		expect(new Set([inv.id, ...lines.map((l) => l.id)]).size).toBe(3);
		expect(settingsPatch).toEqual({ nextInvoiceNo: 1043 });
		expect(notes).toEqual([]);
		expect(validateInvoice(inv)).toEqual([]);
		for (const l of lines) expect(validateInvoiceLine(l)).toEqual([]);
	});

	it('bills a credit task (a returned part) as a credit line: negative quantity kept, total and tax lowered by it', () => {
		const withReturn = [...tasks, t('wo-a', 'T11', { description: 'Returned compressor', kind: 'material', qtyMilli: -1_000, unit: 'ea', rateCents: 180_000, buyerItemCode: 'MAT-CMP', poLineNo: 2 })];
		const { lines } = built(buildInvoice(input([wo], withReturn, { settings: untaxed({ taxRateBp: 825 }), po: { ...PO, taxAllowed: true } })));
		expect(lines.map((l) => [l.taskCode, l.qtyMilli, l.rateCents])).toEqual([
			['T2', 6_500, 12_500],
			['T10', 1_000, 180_000],
			['T11', -1_000, 180_000],
			['', 1_000, 6_703]
		]);
		// $2,612.50 - $1,800.00 = $812.50 billed; 8.25% of it is $67.03.
		expect(invoiceTotals(lines)).toMatchObject({ subtotal: 81_250, tax: 6_703 });
		for (const l of lines) expect(validateInvoiceLine(l)).toEqual([]);
	});

	it('adds sales tax at the Settings rate on the work billed where the PO allows tax, and says it is a snapshot (regression: the rate did nothing)', () => {
		// 6.5 h × $125.00 + 1 × $1,800.00 = $2,612.50; 8.25% of it is $215.53 (215.531… half-up).
		const taxed = built(buildInvoice(input([wo], tasks, { settings: untaxed({ taxRateBp: 825 }), po: { ...PO, taxAllowed: true } })));
		const tax = taxed.lines[2]!;
		expect([tax.lineNo, tax.kind, tax.description, tax.qtyMilli, tax.rateCents, tax.woNumber, tax.taskCode]).toEqual([3, 'tax', 'Sales tax 8.25%', 1000, 21_553, '', '']);
		expect(validateInvoiceLine(tax)).toEqual([]);
		expect(invoiceTotals(taxed.lines)).toMatchObject({ subtotal: 261_250, tax: 21_553, total: 282_803 });
		expect(taxed.notes).toEqual(['Sales tax of 8.25% (Settings) on $2,612.50 was added as line 3; it is not recomputed when the other lines change.']);
		// No tax line where the PO does not allow tax, with no rate, or (no PO) where the customer does not.
		expect(built(buildInvoice(input([wo], tasks, { settings: untaxed({ taxRateBp: 825 }), po: { ...PO, taxAllowed: false } }))).lines.map((l) => l.kind)).not.toContain('tax');
		expect(built(buildInvoice(input([wo], tasks, { po: { ...PO, taxAllowed: true } }))).lines.map((l) => l.kind)).not.toContain('tax');
		const noPo = job('wo-n', 'WO-9', { poNumber: '' });
		const noPoTasks = [t('wo-n', 'T1', { qtyMilli: 1000, rateCents: 10_000 })];
		expect(built(buildInvoice(input([noPo], noPoTasks, { settings: untaxed({ taxRateBp: 825 }), po: null, customer: { ...CUST, taxAllowed: false } }))).lines.map((l) => l.kind)).not.toContain('tax');
		expect(built(buildInvoice(input([noPo], noPoTasks, { settings: untaxed({ taxRateBp: 825 }), po: null, customer: { ...CUST, taxAllowed: true } }))).lines.map((l) => l.rateCents)).toEqual([10_000, 825]);
	});

	it('fills a missing buyer item code from the PO line, and a missing PO line from the one line with that code', () => {
		const r = built(
			buildInvoice(
				input([wo], [t('wo-a', 'T1', { buyerItemCode: '', poLineNo: 2 }), t('wo-a', 'T2', { buyerItemCode: 'LAB-HVAC', poLineNo: null }), t('wo-a', 'T3', { buyerItemCode: 'MAT-FLT', poLineNo: null })])
			)
		);
		expect(r.lines.map((l) => [l.buyerItemCode, l.poLineNo])).toEqual([
			['MAT-CMP', 2],
			['LAB-HVAC', 1],
			['MAT-FLT', null] // MAT-FLT is on another PO's line: no match, left for reconciliation to report
		]);
	});

	describe('numbering', () => {
		it('uses prefix + counter and advances the counter past it', () => {
			const r = built(buildInvoice(input([wo], tasks, { settings: untaxed({ invoicePrefix: 'RM-', nextInvoiceNo: 7, defaultTerms: 'Net 30' }) })));
			expect(r.invoice.number).toBe('RM-7');
			expect(r.settingsPatch.nextInvoiceNo).toBe(8);
		});

		it('skips numbers already used, void ones and other spellings included', () => {
			const r = built(buildInvoice(input([wo], tasks, { existingInvoiceNumbers: ['INV-1042', ' inv-1043 ', 'INV-1045'] })));
			expect(r.invoice.number).toBe('INV-1044');
			expect(r.settingsPatch.nextInvoiceNo).toBe(1045);
		});

		it('never hands out a number in use (property)', () => {
			fc.assert(
				fc.property(fc.integer({ min: 1, max: 50 }), fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 40 }), (next, used) => {
					const existing = used.map((n) => `INV-${n}`);
					const got = nextInvoiceNumber('INV-', next, existing);
					const n = Number(got.number.slice(4));
					return !existing.includes(got.number) && n >= next && got.nextInvoiceNo === n + 1 && [...Array(n - next).keys()].every((i) => used.includes(next + i));
				})
			);
		});

		it('refuses a counter that is not a whole number', () => {
			expect(reasons(buildInvoice(input([wo], tasks, { settings: untaxed({ nextInvoiceNo: 0 }) })))).toEqual([
				'The next invoice number in Settings (0) must be a whole number of at least 1.'
			]);
		});
	});

	describe('terms', () => {
		it("takes the PO's terms first", () => {
			expect(built(buildInvoice(input([wo], tasks))).invoice.terms).toBe('2/10 Net 30');
		});

		it("takes the customer's default when the job has no PO", () => {
			const r = built(buildInvoice(input([{ ...wo, poNumber: '' }], tasks, { po: null })));
			expect(r.invoice.terms).toBe('1/15 Net 45');
			expect(r.invoice.poNumber).toBe('');
			expect(r.notes).toEqual([]);
		});

		it("takes the customer's default when the PO states none, or is not on file, and says so", () => {
			const blank = built(buildInvoice(input([wo], tasks, { po: { ...PO, terms: '' } })));
			expect(blank.invoice.terms).toBe('1/15 Net 45');
			expect(blank.notes).toEqual(["Terms 1/15 Net 45 are Northwind Facilities's default: PO 4500012345 states no terms."]);
			const missing = built(buildInvoice(input([wo], tasks, { po: null })));
			expect(missing.invoice.terms).toBe('1/15 Net 45');
			expect(missing.invoice.poNumber).toBe('4500012345');
			expect(missing.notes).toEqual(["Terms 1/15 Net 45 are Northwind Facilities's default: PO 4500012345 is not on file."]);
		});

		it("falls back to the Settings default, skipping terms that do not read as terms", () => {
			const r = built(buildInvoice(input([wo], tasks, { po: { ...PO, terms: 'Net thirty' }, customer: { ...CUST, defaultTerms: '' } })));
			expect(r.invoice.terms).toBe('Net 30');
			expect(r.notes).toEqual(['Terms Net 30 are the default in Settings: "Net thirty" (PO 4500012345\'s) are not payment terms.']);
		});
	});

	it('bills a warranty job at zero, each line naming the original job', () => {
		const w = job('wo-w', 'WO-18500', { type: 'warranty', warrantyOf: 'WO-18391' });
		const r = built(buildInvoice(input([w], [t('wo-w', 'T1', { description: 'Replace failed capacitor', rateCents: 12_500 }), t('wo-w', 'T2', { description: 'Capacitor', kind: 'material', rateCents: 4_000 })])));
		expect(r.lines.map((l) => [l.description, l.rateCents, l.qtyMilli])).toEqual([
			['Warranty of WO-18391: Replace failed capacitor', 0, 1_500],
			['Warranty of WO-18391: Capacitor', 0, 1_500]
		]);
		expect(invoiceTotals(r.lines).subtotal).toBe(0);
	});

	it('refuses a warranty job that names no original job', () => {
		const w = job('wo-w', 'WO-18500', { type: 'warranty', warrantyOf: ' ' });
		expect(reasons(buildInvoice(input([w], [t('wo-w', 'T1')])))).toEqual([
			'WO-18500 is a warranty job but names no original job; the invoice must say which job it is a warranty of.'
		]);
	});

	it('refuses an internal job', () => {
		const i = job('wo-i', 'WO-18600', { type: 'internal' });
		expect(reasons(buildInvoice(input([i], [t('wo-i', 'T1')])))).toEqual(['WO-18600 is an internal job; internal work is never invoiced.']);
	});

	it('refuses jobs not complete, listing every reason', () => {
		const open = job('wo-o', 'WO-1', { status: 'in_progress' });
		const gone = job('wo-c', 'WO-2', { status: 'cancelled' });
		const done = job('wo-i', 'WO-3', { status: 'invoiced' });
		expect(reasons(buildInvoice(input([open, gone, done], [t('wo-o', 'T1'), t('wo-c', 'T1'), t('wo-i', 'T1')])))).toEqual([
			'WO-1 is in progress; complete it with a sign-off before invoicing it.',
			'WO-2 is cancelled; cancelled work is never invoiced.',
			'WO-3 is already invoiced.'
		]);
	});

	it('refuses no jobs, and the same job twice', () => {
		expect(reasons(buildInvoice(input([], [])))).toEqual(['Choose at least one complete work order to invoice.']);
		expect(reasons(buildInvoice(input([wo, wo], tasks)))).toEqual(['WO-18472 is chosen twice.']);
	});

	describe('several work orders', () => {
		const a = job('wo-a', 'WO-1000');
		const b = job('wo-b', 'WO-999');
		const ts = [t('wo-a', 'T1', { description: 'A1' }), t('wo-a', 'T2', { description: 'A2' }), t('wo-b', 'T1', { description: 'B1' })];

		it('go on one invoice for the same customer and PO, job by job in number order', () => {
			const r = built(buildInvoice(input([a, b], ts)));
			expect(r.invoice.workOrderNumbers).toEqual(['WO-999', 'WO-1000']);
			expect(r.lines.map((l) => [l.lineNo, l.woNumber, l.taskCode, l.description])).toEqual([
				[1, 'WO-999', 'T1', 'B1'],
				[2, 'WO-1000', 'T1', 'A1'],
				[3, 'WO-1000', 'T2', 'A2']
			]);
		});

		it('go on one invoice when none has a PO', () => {
			const r = built(buildInvoice(input([{ ...a, poNumber: '' }, { ...b, poNumber: '' }], ts, { po: null })));
			expect(r.invoice.poNumber).toBe('');
			expect(r.lines).toHaveLength(3);
		});

		it('are refused for mixed customers', () => {
			expect(reasons(buildInvoice(input([a, { ...b, customerId: 'cust-2' }], ts)))).toEqual([
				'WO-999 is for another customer, not Northwind Facilities; one invoice bills one customer.'
			]);
		});

		it('are refused for mixed POs, or a PO and none', () => {
			expect(reasons(buildInvoice(input([a, { ...b, poNumber: '4500099999' }], ts)))).toEqual([
				'The work orders name different POs (WO-1000: 4500012345, WO-999: 4500099999); one invoice bills one PO.'
			]);
			expect(reasons(buildInvoice(input([a, { ...b, poNumber: '' }], ts)))).toEqual([
				'The work orders name different POs (WO-1000: 4500012345, WO-999: no PO); one invoice bills one PO.'
			]);
		});

		it('are refused when the PO given is not the one they name, or is another customer’s', () => {
			expect(reasons(buildInvoice(input([a, b], ts, { po: { ...PO, number: '777', customerId: 'cust-2' } })))).toEqual([
				'PO 777 was given, but the work orders name PO 4500012345.',
				'PO 777 belongs to another customer, not Northwind Facilities.'
			]);
		});
	});

	it('leaves out tasks already billed and tasks not done, saying so', () => {
		const ts = [t('wo-a', 'T1'), t('wo-a', 'T2', { done: false }), t('wo-a', 'T3')];
		const r = built(buildInvoice(input([wo], ts, { alreadyBilled: new Set([billedKey('WO-18472', 'T1'), billedKey('WO-9', 'T3')]) })));
		expect(r.lines.map((l) => [l.lineNo, l.taskCode])).toEqual([[1, 'T3']]);
		expect(r.notes).toEqual(['WO-18472 T1 is already on an invoice, so it was left out.', 'WO-18472 T2 is not done, so it was left out.']);
	});

	it('refuses when every done task is already billed', () => {
		expect(reasons(buildInvoice(input([wo], tasks, { alreadyBilled: new Set(['WO-18472|T2', 'WO-18472|T10']) })))).toEqual([
			'WO-18472 has nothing left to bill: every done task is already on an invoice.'
		]);
	});

	it('subtotal equals the sum of line amounts of the billable non-warranty tasks (property)', () => {
		const arbTask = fc.record({
			kind: fc.constantFrom(...TASK_KINDS),
			qtyMilli: fc.integer({ min: 0, max: 10_000_000 }),
			rateCents: fc.integer({ min: 0, max: 10_000_000 }),
			done: fc.boolean(),
			billed: fc.boolean()
		});
		const arbJob = fc.record({ type: fc.constantFrom(...WORK_ORDER_TYPES.filter((x) => x !== 'internal')), tasks: fc.array(arbTask, { minLength: 1, maxLength: 8 }) });
		fc.assert(
			fc.property(fc.array(arbJob, { minLength: 1, maxLength: 5 }), (jobs) => {
				const wos = jobs.map((j, i) => job(`wo-${i}`, `WO-${100 + i}`, { type: j.type, warrantyOf: j.type === 'warranty' ? 'WO-1' : '' }));
				const tasks = jobs.flatMap((j, i) => j.tasks.map((x, k) => t(`wo-${i}`, `T${k + 1}`, { kind: x.kind, qtyMilli: x.qtyMilli, rateCents: x.rateCents, done: x.done })));
				const billed = new Set(jobs.flatMap((j, i) => j.tasks.flatMap((x, k) => (x.billed ? [billedKey(`WO-${100 + i}`, `T${k + 1}`)] : []))));
				const included = jobs.flatMap((j, i) => j.tasks.filter((x) => x.done && !x.billed).map((x) => ({ ...x, type: wos[i]!.type })));
				const r = buildInvoice(input(wos, tasks, { alreadyBilled: billed }));
				const billable = jobs.every((j) => j.tasks.some((x) => x.done && !x.billed));
				if (!billable) return !r.ok;
				if (!r.ok) return false;
				const expected = included.filter((x) => x.type !== 'warranty').reduce((sum, x) => sum + lineAmount(x.qtyMilli, x.rateCents), 0);
				return (
					invoiceTotals(r.value.lines).subtotal === expected &&
					r.value.lines.length === included.length &&
					r.value.lines.every((l, i) => l.lineNo === i + 1)
				);
			})
		);
	});
});

describe('billedTaskKeys and invoicesBilling', () => {
	const live = invoice({ id: 'i1', number: 'INV-1', status: 'sent', workOrderNumbers: ['WO-1'] });
	const gone = invoice({ id: 'i2', number: 'INV-2', status: 'void', workOrderNumbers: ['WO-1'] });
	const draft = invoice({ id: 'i3', number: 'INV-3', status: 'draft', workOrderNumbers: ['WO-1', 'WO-2'] });

	it('counts work lines on non-void invoices only', () => {
		const lines = [
			invoiceLine({ invoiceId: 'i1', woNumber: 'WO-1', taskCode: 'T1' }),
			invoiceLine({ invoiceId: 'i2', woNumber: 'WO-1', taskCode: 'T2' }),
			invoiceLine({ invoiceId: 'i3', woNumber: 'WO-2', taskCode: 'T1', kind: 'material' }),
			invoiceLine({ invoiceId: 'i1', woNumber: 'WO-1', taskCode: 'T9', kind: 'freight' })
		];
		expect([...billedTaskKeys([live, gone, draft], lines)].sort()).toEqual(['WO-1|T1', 'WO-2|T1']);
	});

	it('names the non-void invoices naming a job', () => {
		expect(invoicesBilling('WO-1', [live, gone, draft])).toEqual(['INV-1', 'INV-3']);
	});
});

describe('naturalCompare', () => {
	it('orders digit runs as numbers', () => {
		expect(['T10', 'T2', 'T1', 'A', 'T2a'].sort(naturalCompare)).toEqual(['A', 'T1', 'T2', 'T2a', 'T10']);
	});
});
