import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings, type Tolerances } from '../domain/records';
import { poBilled, woBilled, type PoBilled, type WoBilled } from './billed';
import { Index } from './keys/indexes';
import { reconcileAll } from './reconcile-all';
import { Reconciler } from './reconciler';
import { emptyWorkbook } from './test-kit';
import { RECORD_TABLES, type Change, type Finding, type RecordOf, type RecordTable, type Workbook } from './types';

/**
 * Random small workbooks over a tiny universe of ids and names, so that references collide,
 * dangle, get renamed and get shared (two work orders with one number, two customers with one
 * PO number): then random edits. After every edit the incremental engine must agree exactly
 * with a from-scratch reconcileAll of the same records.
 */

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const ID = {
	customers: ['c1', 'c2'],
	sites: ['s1', 's2'],
	workOrders: ['w1', 'w2', 'w3', 'w4'],
	tasks: ['t1', 't2', 't3', 't4', 't5', 't6'],
	changeOrders: ['co1', 'co2', 'co3'],
	purchaseOrders: ['p1', 'p2', 'p3'],
	poLines: ['pl1', 'pl2', 'pl3', 'pl4', 'pl5', 'pl6'],
	invoices: ['i1', 'i2', 'i3'],
	invoiceLines: ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8']
} satisfies Record<RecordTable, string[]>;
const WO_NUMBERS = ['WO-1', 'WO-2', 'WO-3'];
/** Values repeat in these lists to bias towards references that resolve, so deep rules fire too. */
const DATES = ['2027-01-01', '2027-02-20', '2027-03-10'];
// Negative values make credit lines (domain.md): a returned part or a price credit.
const qty = pick(0, 1000, 2000, 5000, 10000, -1000);
const rate = pick(0, 100, 9000, 10000, -9000);
const tolerances: fc.Arbitrary<Tolerances | null> = fc.option(fc.record({ qtyBp: pick(0, 500, 2000), priceBp: pick(0, 100, 1000), absCents: pick(0, 100, 5000) }), { nil: null });

const RECORD: { [K in RecordTable]: (id: string) => fc.Arbitrary<RecordOf[K]> } = {
	customers: (id) =>
		fc.record({ id: fc.constant(id), name: pick('Mercy', 'Harbor'), billingStreet: fc.constant(''), billingCity: fc.constant(''), billingRegion: fc.constant(''), billingPostalCode: fc.constant(''), billingCountry: fc.constant(''), apContact: fc.constant(''), apEmail: fc.constant(''), requiresPo: fc.boolean(), defaultTerms: fc.constant('Net 30'), taxAllowed: fc.boolean(), freightAllowed: fc.boolean(), tolerances, otherNames: fc.constant([]) }),
	sites: (id) => fc.record({ id: fc.constant(id), customerId: pick(...ID.customers), name: fc.constant('Site'), street: fc.constant(''), city: fc.constant(''), region: fc.constant(''), postalCode: fc.constant(''), country: fc.constant(''), accessNotes: fc.constant(''), costCenter: pick('', 'CC-1', 'CC-2') }),
	workOrders: (id) =>
		fc.record({
			id: fc.constant(id),
			number: pick('WO-1', 'WO-1', 'WO-2', 'WO-2', 'WO-3', ''),
			versionDate: fc.constant('2027-01-01'),
			customerId: pick('c1', 'c1', 'c2'),
			siteId: pick(null, 's1', 's1', 's2'),
			description: fc.constant(''),
			type: pick('preventive', 'corrective', 'emergency', 'warranty', 'internal'),
			priority: fc.constant('normal' as const),
			status: pick('open', 'in_progress', 'complete', 'invoiced', 'closed', 'cancelled'),
			openedOn: pick(...DATES),
			scheduledStart: fc.constant(null),
			scheduledEnd: fc.constant(null),
			assignedTo: fc.constant(''),
			asset: fc.constant(''),
			accessNotes: fc.constant(''),
			safetyNotes: fc.constant(''),
			billingType: fc.constant('time_and_materials' as const),
			nteCents: pick(null, 0, 5000, 20000),
			poNumber: pick('', '100', '100', '200', '999'),
			quoteRef: fc.constant(''),
			signedOffBy: pick('', 'M. Greene'),
			signedOffOn: pick(null, '2027-03-01'),
			completedOn: pick(null, '2027-02-27'),
			completionNotes: fc.constant(''),
			warrantyOf: pick('', 'WO-1')
		}),
	tasks: (id) =>
		fc.record({
			id: fc.constant(id),
			workOrderId: pick('w1', 'w1', 'w2', 'w2', 'w3', 'w4', 'w-gone'),
			code: pick('T1', 'T1', 'T2', 'T2', ''),
			description: fc.constant('Task'),
			kind: pick('labor', 'material', 'subcontract', 'fee'),
			qtyMilli: qty,
			unit: pick('h', ''),
			rateCents: rate,
			buyerItemCode: pick('', 'A'),
			poLineNo: pick(null, 1, 2),
			done: fc.boolean(),
			extra: fc.boolean(),
			changeOrderNumber: pick('', 'CO-1', 'CO-2')
		}),
	changeOrders: (id) =>
		fc.record({
			id: fc.constant(id),
			workOrderId: pick('w1', 'w1', 'w2', 'w3', 'w4'),
			number: pick('CO-1', 'CO-1', 'CO-2'),
			description: fc.constant(''),
			amountCents: pick(0, 1000, 10000),
			approvedBy: fc.constant(''),
			approvedOn: fc.constant(null),
			status: pick('pending', 'approved', 'rejected')
		}),
	purchaseOrders: (id) =>
		fc.record({
			id: fc.constant(id),
			customerId: pick('c1', 'c1', 'c2'),
			number: pick('100', '100', '200', ''),
			buyer: fc.constant(''),
			issueDate: fc.constant('2027-01-01'),
			revision: fc.constant(0),
			terms: pick('Net 30', '2/10 Net 30', 'net 30', ''),
			taxAllowed: fc.boolean(),
			freightAllowed: fc.boolean(),
			blanketLimitCents: pick(null, 0, 10000, 100000)
		}),
	poLines: (id) =>
		fc.record({
			id: fc.constant(id),
			poId: pick('p1', 'p1', 'p2', 'p3', 'p-gone'),
			lineNo: pick(1, 1, 2, 3),
			buyerItemCode: pick('', 'A', 'A', 'B'),
			description: fc.constant('Line'),
			qtyMilli: qty,
			unit: pick('h', 'ea'),
			unitPriceCents: rate,
			extendedCents: pick(0, 10000, 50000, 100000),
			costCenter: pick('', 'CC-1', 'CC-2'),
			needBy: fc.constant(null)
		}),
	invoices: (id) =>
		fc.record({
			id: fc.constant(id),
			number: pick('INV-1', 'INV-2', 'INV-3'),
			customerId: pick('c1', 'c1', 'c1', 'c2'),
			invoiceDate: fc.constant('2027-03-01'),
			terms: pick('Net 30', '2/10 Net 30', 'N30'),
			poNumber: pick('', '100', '100', '100', '200', '300'),
			workOrderNumbers: fc.subarray([...WO_NUMBERS, 'WO-9']),
			status: pick('draft', 'draft', 'sent', 'paid', 'void'),
			notes: fc.constant(''),
			creditOf: pick('', '', 'INV-1'),
			reissueOf: fc.constant(''),
			history: fc.constant([])
		}),
	invoiceLines: (id) =>
		fc.record({
			id: fc.constant(id),
			invoiceId: pick('i1', 'i1', 'i2', 'i2', 'i3', 'i-gone'),
			lineNo: pick(1, 2, 3),
			description: fc.constant('Line'),
			kind: pick('labor', 'labor', 'labor', 'material', 'subcontract', 'fee', 'tax', 'freight', 'discount'),
			qtyMilli: qty,
			unit: pick('h', ''),
			rateCents: pick(0, 100, 9000, 10000, -500),
			woNumber: pick('', 'WO-1', 'WO-1', 'WO-1', 'WO-2', 'WO-3'),
			taskCode: pick('', 'T1', 'T1', 'T2', 'T2', 'T3'),
			poLineNo: pick(null, 1, 1, 2, 3),
			buyerItemCode: pick('', 'A', 'B')
		})
};

const settingsArb: fc.Arbitrary<Settings> = fc.record({
	tolerances: fc.record({ qtyBp: pick(0, 500), priceBp: pick(0, 100), absCents: pick(0, 100, 5000) }),
	staleDays: pick(10, 30, 60)
}).map((x) => ({ ...defaultSettings(), ...x }));

const tableArb = pick(...RECORD_TABLES);
const recordOf = (table: RecordTable) => pick(...ID[table]).chain((id) => RECORD[table](id) as fc.Arbitrary<{ id: string }>);

type Step = { kind: 'change'; change: Change } | { kind: 'today'; today: string };
const changeArb: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 12,
		arbitrary: tableArb.chain((table) =>
			fc.record({ upserts: fc.array(recordOf(table), { maxLength: 2 }), removes: fc.subarray(ID[table], { maxLength: 2 }) }).map(
				({ upserts, removes }): Step => ({ kind: 'change', change: { table, upserts, removes } as unknown as Change })
			)
		)
	},
	{ weight: 1, arbitrary: settingsArb.map((s): Step => ({ kind: 'change', change: { table: 'settings', upserts: [s], removes: [] } })) },
	{ weight: 1, arbitrary: pick('2027-03-15', '2027-04-30', '2027-02-01').map((today): Step => ({ kind: 'today', today })) }
);

const initialArb = fc.record(
	Object.fromEntries(RECORD_TABLES.map((t) => [t, fc.subarray(ID[t], { minLength: Math.ceil(ID[t].length / 2) }).chain((ids) => fc.tuple(...ids.map((id) => RECORD[t](id) as fc.Arbitrary<unknown>)))])) as {
		[K in RecordTable]: fc.Arbitrary<RecordOf[K][]>;
	}
);

/** The workbook as plain maps, edited exactly as the Reconciler is told. */
class Model {
	tables = new Map<RecordTable, Map<string, { id: string }>>();
	settings: Settings = defaultSettings();
	today = '2027-03-15';
	constructor(init: { [K in RecordTable]: RecordOf[K][] }) {
		for (const t of RECORD_TABLES) this.tables.set(t, new Map(init[t].map((r) => [r.id, r])));
	}
	apply(step: Step) {
		if (step.kind === 'today') this.today = step.today;
		else if (step.change.table === 'settings') this.settings = step.change.upserts[step.change.upserts.length - 1] ?? this.settings;
		else {
			const m = this.tables.get(step.change.table)!;
			for (const r of step.change.upserts) m.set(r.id, r);
			for (const id of step.change.removes) m.delete(id);
		}
	}
	workbook(): Workbook {
		const wb = emptyWorkbook(this.today) as unknown as Record<string, unknown>;
		for (const t of RECORD_TABLES) wb[t] = [...this.tables.get(t)!.values()];
		return { ...(wb as unknown as Workbook), settings: this.settings, today: this.today };
	}
}

/** Each record's findings, as comparable text. */
function perRecord(findings: readonly Finding[]): Map<string, string> {
	const out = new Map<string, string[]>();
	for (const f of findings) for (const t of f.targets) out.set(t.id, [...(out.get(t.id) ?? []), JSON.stringify(f)]);
	return new Map([...out].map(([k, v]) => [k, v.sort().join('\n')]));
}

/** Billing as comparable data: totals, and each PO line's quantity and amount by id. */
const poFigures = (b: PoBilled | null) =>
	b && { billed: b.billedCents, cap: b.capCents, invoices: b.invoices.map((i) => i.id).sort(), lines: b.lines.map((l, i) => [l.id, b.qtyMilli[i], b.amountCents[i], b.count[i]]) };
const woFigures = (b: WoBilled | null) => b && { billed: b.billedCents, cap: b.capCents, lines: b.lines.map((l) => l.id).sort(), approved: b.approved.map((c) => c.id).sort() };

/** The engine's kept billing figures against a fresh index of the same records. */
function expectBillingFresh(rec: Reconciler, wb: Workbook) {
	const idx = Index.from(wb);
	for (const id of ID.purchaseOrders) {
		const po = idx.purchaseOrders.get(id);
		expect(poFigures(rec.poBilled(id)), `PO ${id}`).toEqual(poFigures(po ? poBilled(idx, po) : null));
	}
	for (const id of ID.workOrders) {
		const wo = idx.workOrders.get(id);
		expect(woFigures(rec.woBilled(id)), `work order ${id}`).toEqual(woFigures(wo ? woBilled(idx, wo) : null));
	}
}

const CODES_SEEN = new Map<string, number>();
function run(init: { [K in RecordTable]: RecordOf[K][] }, steps: Step[]) {
	const model = new Model(init);
	const rec = new Reconciler(model.workbook());
	expect(rec.findings()).toEqual(reconcileAll(model.workbook()));
	let before = perRecord(rec.findings());
	// Asked before every edit, so each edit must drop the figures it changes from the engine's cache.
	expectBillingFresh(rec, model.workbook());
	for (const step of steps) {
		model.apply(step);
		const result = step.kind === 'today' ? rec.setToday(step.today) : rec.apply(step.change);
		const expected = reconcileAll(model.workbook());
		expect(rec.findings()).toEqual(expected);
		const counts = { error: 0, warning: 0, info: 0 };
		for (const f of expected) counts[f.severity]++;
		expect(rec.counts()).toEqual(counts);
		// Every record whose findings changed is reported, so the grid re-renders it.
		const after = perRecord(expected);
		for (const id of new Set([...before.keys(), ...after.keys()])) {
			if (before.get(id) !== after.get(id)) expect(result.ids.has(id), `record ${id} changed but was not reported`).toBe(true);
		}
		for (const [id] of after) {
			const t = expected.flatMap((f) => f.targets).find((x) => x.id === id)!;
			expect(rec.forRecord(t.table, id)).toEqual(expected.filter((f) => f.targets.some((x) => x.table === t.table && x.id === id)));
		}
		before = after;
		expectBillingFresh(rec, model.workbook());
		for (const f of expected) CODES_SEEN.set(f.code, (CODES_SEEN.get(f.code) ?? 0) + 1);
	}
}

describe('Reconciler (property): incremental equals from-scratch after every edit, findings and billing', () => {
	it('holds for random workbooks and random edit sequences', () => {
		fc.assert(
			fc.property(initialArb, fc.array(changeArb, { maxLength: 25 }), (init, steps) => run(init, steps)),
			{ numRuns: Number(process.env.RECONCILE_RUNS ?? 400) }
		);
		// Guard against the generator drifting into workbooks where the deep rules never fire.
		expect(CODES_SEEN.size).toBeGreaterThanOrEqual(process.env.RECONCILE_RUNS ? 0 : 18);
		// PO_UNKNOWN reads across jobs and POs: the runs must have exercised it (TASK_OVER_PO is rare
		// here, a handful of times in 400 runs, so the next property starts from workbooks that draw).
		if (!process.env.RECONCILE_RUNS) expect(CODES_SEEN.get('PO_UNKNOWN') ?? 0).toBeGreaterThan(0);
	}, 120_000);

	// Tasks drawing on PO lines before any bill (TASK_OVER_PO) need jobs on a PO, tasks on its lines
	// and little billed yet, which the workbooks above rarely hold all at once: start from those.
	it('holds for workbooks where unbilled tasks of jobs draw on the lines of their PO', () => {
		const seen = CODES_SEEN.get('TASK_OVER_PO') ?? 0;
		const drawing = initialArb.map((init) => ({
			...init,
			workOrders: init.workOrders.map((w) => ({ ...w, customerId: 'c1', poNumber: '100', type: 'corrective' as const, status: 'in_progress' as const })),
			purchaseOrders: init.purchaseOrders.map((p) => ({ ...p, customerId: 'c1', number: p.id === 'p1' ? '100' : p.number })),
			poLines: init.poLines.map((l) => ({ ...l, poId: 'p1', qtyMilli: Math.abs(l.qtyMilli) || 1000, unitPriceCents: Math.abs(l.unitPriceCents) })),
			invoiceLines: init.invoiceLines.filter((_, i) => i % 2 === 0)
		}));
		fc.assert(
			fc.property(drawing, fc.array(changeArb, { maxLength: 25 }), (init, steps) => run(init, steps)),
			{ numRuns: Number(process.env.RECONCILE_RUNS ?? 300) }
		);
		expect((CODES_SEEN.get('TASK_OVER_PO') ?? 0) - seen).toBeGreaterThan(process.env.RECONCILE_RUNS ? -1 : 20);
	}, 120_000);
});
