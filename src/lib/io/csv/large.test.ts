import { describe, expect, it } from 'vitest';
// Shared with the command-line generator, so the test and the benchmark file are the same shape.
import { largePoCsv } from '../../../../tests/fixtures/csv/generate-large.mjs';
import { convertPos } from './convert-po';
import { suggestMapping } from './mapping';
import { readTable } from './read';
import { planPoImport } from './revision';
import { acme, counter } from './test-helpers';

/** The unit suite uses 10 MB; LARGE_CSV_MB=50 runs the 50 MB figure (about 2.5× the time). */
const MB = Number(process.env.LARGE_CSV_MB ?? 10);

describe(`a generated ${MB} MB PO export`, () => {
	it('is read, converted and planned whole, with progress reported', () => {
		const { text, lines } = largePoCsv(MB * 1024 * 1024);
		const bytes = new TextEncoder().encode(text);
		const times: Record<string, number> = {};
		const timed = <T>(name: string, f: () => T): T => {
			const t = performance.now();
			const r = f();
			times[name] = Math.round(performance.now() - t);
			return r;
		};
		const progress: number[] = [];
		const read = timed('read', () => readTable(bytes, 'large.csv', {}, (f) => progress.push(f)));
		if (!read.ok) throw new Error(read.problems[0]!.message);
		expect(read.table.rows).toHaveLength(lines);
		expect(read.table.rows.at(-1)!.row).toBe(lines + 1);
		expect(progress.length).toBeGreaterThan(MB / 2);
		expect(progress.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= progress[i - 1]!))).toBe(true);
		expect(progress.at(-1)).toBe(1);

		const mapping = suggestMapping('po', read.table.header);
		const r = timed('convert', () => convertPos(read.table, mapping, { decimal: '.', dateOrder: 'mdy' }, { fileName: 'large.csv', customerId: 'c1', customers: [acme], today: '2027-02-01', idGen: counter() }));
		if (!r.ok) throw new Error(r.problems[0]!.message);
		expect(r.groups.reduce((n, g) => n + g.lines.length, 0)).toBe(lines);
		const plan = timed('plan', () => planPoImport(r.groups, r.mapped, { purchaseOrders: [], poLines: [] }, { fileName: 'large.csv', today: '2027-02-01', idGen: counter('rev') }));
		expect(plan.write.put.poLines).toHaveLength(lines);
		// Timings are printed for the record; speed is judged by the benchmarks, never by a timed assertion.
		console.log(`${MB} MB, ${lines} lines: ${JSON.stringify(times)} ms`);
	}, 120_000);
});
