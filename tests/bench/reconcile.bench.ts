/**
 * Reconciliation at the size the product promises: 100,000 tasks, 100,000 PO lines and 100,000
 * invoice lines (1,000 POs, 10,000 work orders, 5,000 invoices), with a few % deliberate problems.
 *
 *   npx vitest bench --run tests/bench/reconcile.bench.ts
 *
 * Targets: a full reconcileAll ≤ 300 ms; one invoice-line quantity edit through Reconciler.apply
 * ≤ 5 ms (median over 200 edits). Besides vitest's table, one `[reconcile bench]` line gives the
 * medians against the targets.
 */
import { bench, describe } from 'vitest';
import { reconcileAll } from '../../src/lib/reconcile/reconcile-all';
import { Reconciler } from '../../src/lib/reconcile/reconciler';
import { bigWorkbook, rng } from './big-workbook';

const wb = bigWorkbook();
const FULL_RUNS = 10;
const FULL_WARMUP = 2;
const EDITS = 200;
const EDIT_WARMUP = 20;
const fullTimes: number[] = [];
const editTimes: number[] = [];
let findingsCount = 0;
let reconciler: Reconciler | null = null;
let reported = false;
const edits = rng(7);

const median = (xs: number[]) => {
	const s = xs.slice().sort((a, b) => a - b);
	return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
const pct = (xs: number[], p: number) => {
	const s = xs.slice().sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))]! : NaN;
};

/** Change one random invoice line's quantity by ±1 h, timed; then put it back (untimed). */
function editOneLine(rec: Reconciler) {
	const line = wb.invoiceLines[Math.floor(edits() * wb.invoiceLines.length)]!;
	const next = { ...line, qtyMilli: line.qtyMilli + (edits() < 0.5 ? 1000 : -1000) };
	const t0 = performance.now();
	rec.apply({ table: 'invoiceLines', upserts: [next], removes: [] });
	editTimes.push(performance.now() - t0);
	rec.apply({ table: 'invoiceLines', upserts: [line], removes: [] });
}

function summary() {
	const full = fullTimes.slice(-FULL_RUNS);
	const edit = editTimes.slice(-EDITS);
	const fullMedian = median(full);
	const editMedian = median(edit);
	console.log(
		`\n[reconcile bench] ${wb.tasks.length} tasks, ${wb.poLines.length} PO lines, ${wb.invoiceLines.length} invoice lines, ${findingsCount} findings | ` +
			`reconcileAll median ${fullMedian.toFixed(1)} ms (min ${Math.min(...full).toFixed(1)}, target ≤ 300) over ${full.length} runs ${fullMedian <= 300 ? 'OK' : 'OVER'} | ` +
			`one-line edit median ${editMedian.toFixed(3)} ms (p95 ${pct(edit, 0.95).toFixed(3)}, target ≤ 5) over ${edit.length} edits ${editMedian <= 5 ? 'OK' : 'OVER'}\n`
	);
}

describe(`reconcile: ${wb.tasks.length} tasks, ${wb.poLines.length} PO lines, ${wb.invoiceLines.length} invoice lines`, () => {
	// The full runs first, while no Reconciler holds a second copy of the indexes in memory.
	bench(
		'reconcileAll (full, from scratch)',
		() => {
			const t0 = performance.now();
			findingsCount = reconcileAll(wb).length;
			fullTimes.push(performance.now() - t0);
		},
		{ iterations: FULL_RUNS, warmupIterations: FULL_WARMUP, time: 0, warmupTime: 0 }
	);

	bench(
		'Reconciler.apply: one invoice line qty edit',
		() => {
			reconciler ??= new Reconciler(wb);
			editOneLine(reconciler);
			if (!reported && editTimes.length >= EDITS + EDIT_WARMUP) {
				reported = true;
				summary();
			}
		},
		{ iterations: EDITS, warmupIterations: EDIT_WARMUP, time: 0, warmupTime: 0 }
	);

});
