import type { LocalDate } from '../../domain/dates';
import type { ChangeOrder, Customer, Invoice, InvoiceLine, PoLine, PurchaseOrder, Settings, Site, Task, WorkOrder } from '../../domain/records';
import type { RecordOf, RecordTable, Workbook } from '../types';
import { RECORD_TABLES } from '../types';
import { Groups, NestedGroups } from './groups';

/**
 * A PO's lines sorted by line number (then id), built when first asked for and dropped when one
 * of them changes. Lines are found by binary search, and per-line totals live in typed arrays
 * indexed by position here: no Map per PO line, which at 100,000 lines was most of the garbage.
 */
export interface PoLineLookup {
	sorted: PoLine[];
}

type Leaf = 'tasks' | 'changeOrders' | 'poLines' | 'invoiceLines';
const isLeaf = (t: RecordTable): t is Leaf => t === 'tasks' || t === 'changeOrders' || t === 'poLines' || t === 'invoiceLines';

/**
 * The workbook arranged for the rules: parents by id, children grouped under their parent, and
 * records grouped by the names people type (job number, customer + PO number). No lookup builds
 * a composite string key: at 100,000 records, hashing fresh strings was most of the cost.
 * Empty names are never indexed: "no PO number" is not a PO.
 *
 * The same Index serves `reconcileAll` (built once) and the `Reconciler` (kept current with
 * `upsert` / `remove`). Only the Reconciler needs child records by id (to find the old version of
 * an edited line) and the groups that say who depends on a changed record; those are kept only
 * when `incremental` is set.
 */
export class Index {
	readonly customers = new Map<string, Customer>();
	readonly sites = new Map<string, Site>();
	readonly workOrders = new Map<string, WorkOrder>();
	readonly purchaseOrders = new Map<string, PurchaseOrder>();
	readonly invoices = new Map<string, Invoice>();
	readonly children: { [K in Leaf]: Map<string, RecordOf[K]> } | null;

	readonly woByNumber = new Groups<WorkOrder>();
	/** Customer id, then the PO number the job names: the tasks drawing on a PO, and the jobs to wake when a PO comes or goes. */
	readonly wosByPoKey = new NestedGroups<WorkOrder>();
	readonly tasksByWo = new Groups<Task>();
	readonly cosByWo = new Groups<ChangeOrder>();
	/** Customer id, then PO number. */
	readonly posByKey = new NestedGroups<PurchaseOrder>();
	readonly poLinesByPo = new Groups<PoLine>();
	/** Customer id, then PO number. */
	readonly invoicesByKey = new NestedGroups<Invoice>();
	/** Invoices by the job numbers in their header (`workOrderNumbers`). Incremental only. */
	readonly invoicesByHeaderWo = new Groups<Invoice>();
	readonly linesByInvoice = new Groups<InvoiceLine>();
	readonly linesByWoNumber = new Groups<InvoiceLine>();
	readonly #poLineLookups = new Map<string, PoLineLookup>();
	/**
	 * A full run only (`reconcileAll`, which runs every job's scope before any PO's): each job's
	 * tasks that no live invoice bills, as its own rules found them, so the PO's TASK_OVER_PO does
	 * not read the job's billing a second time. Lives for the one run; the incremental engine,
	 * whose scopes re-run one at a time, always reads the billing afresh.
	 */
	readonly unbilledTasks: Map<string, readonly Task[]> | null;

	readonly #incremental: boolean;

	constructor(
		public settings: Settings,
		public today: LocalDate,
		incremental = false
	) {
		this.#incremental = incremental;
		this.children = incremental ? { tasks: new Map(), changeOrders: new Map(), poLines: new Map(), invoiceLines: new Map() } : null;
		this.unbilledTasks = incremental ? null : new Map();
	}

	static from(wb: Workbook, incremental = false): Index {
		const idx = new Index(wb.settings, wb.today, incremental);
		for (const table of RECORD_TABLES) {
			// Without id maps for children there is nothing to replace: link them straight in.
			const recs = wb[table];
			if (isLeaf(table) && !incremental) for (let i = 0; i < recs.length; i++) idx.#groups(table, recs[i]!, true);
			else for (let i = 0; i < recs.length; i++) idx.upsert(table, recs[i]! as never);
		}
		return idx;
	}

	/** The stored record with this id (children only when tracked). */
	get<K extends RecordTable>(table: K, id: string): RecordOf[K] | undefined {
		const map = isLeaf(table) ? this.children?.[table] : this.#parents(table as Exclude<RecordTable, Leaf>);
		return (map as Map<string, RecordOf[K]> | undefined)?.get(id);
	}

	/** Store `rec`, replacing the stored record with its id (if tracked); returns the one replaced. */
	upsert<K extends RecordTable>(table: K, rec: RecordOf[K]): RecordOf[K] | undefined {
		const prev = this.get(table, rec.id);
		if (prev) this.#unlink(table, prev);
		this.#link(table, rec);
		return prev;
	}

	remove<K extends RecordTable>(table: K, id: string): RecordOf[K] | undefined {
		const prev = this.get(table, id);
		if (prev) this.#unlink(table, prev);
		return prev;
	}

	/** The PO's lines sorted by number, cached until one of its lines changes. */
	poLineLookup(poId: string): PoLineLookup {
		let l = this.#poLineLookups.get(poId);
		if (!l) {
			const sorted = this.poLinesByPo.get(poId).slice();
			sorted.sort((a, b) => a.lineNo - b.lineNo || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
			l = { sorted };
			this.#poLineLookups.set(poId, l);
		}
		return l;
	}

	#parents(table: Exclude<RecordTable, Leaf>): Map<string, { id: string }> {
		return this[table];
	}

	#link<K extends RecordTable>(table: K, rec: RecordOf[K]): void {
		if (isLeaf(table)) (this.children?.[table] as Map<string, RecordOf[K]> | undefined)?.set(rec.id, rec);
		else (this.#parents(table as Exclude<RecordTable, Leaf>) as Map<string, RecordOf[K]>).set(rec.id, rec);
		this.#groups(table, rec, true);
	}

	#unlink<K extends RecordTable>(table: K, rec: RecordOf[K]): void {
		if (isLeaf(table)) this.children?.[table].delete(rec.id);
		else this.#parents(table as Exclude<RecordTable, Leaf>).delete(rec.id);
		this.#groups(table, rec, false);
	}

	// Plain methods, not closures: this runs 300,000 times per build.
	#group<T extends { id: string }>(g: Groups<T>, key: string, rec: T, add: boolean): void {
		if (key === '') return;
		if (add) g.add(key, rec);
		else g.remove(key, rec);
	}

	#nested<T extends { id: string }>(g: NestedGroups<T>, outer: string, inner: string, rec: T, add: boolean): void {
		if (inner === '') return;
		if (add) g.add(outer, inner, rec);
		else g.remove(outer, inner, rec);
	}

	#groups(table: RecordTable, rec: RecordOf[RecordTable], add: boolean): void {
		switch (table) {
			case 'workOrders': {
				const w = rec as WorkOrder;
				this.#group(this.woByNumber, w.number, w, add);
				this.#nested(this.wosByPoKey, w.customerId, w.poNumber, w, add);
				break;
			}
			case 'tasks':
				this.#group(this.tasksByWo, (rec as Task).workOrderId, rec as Task, add);
				break;
			case 'changeOrders':
				this.#group(this.cosByWo, (rec as ChangeOrder).workOrderId, rec as ChangeOrder, add);
				break;
			case 'purchaseOrders': {
				const p = rec as PurchaseOrder;
				this.#nested(this.posByKey, p.customerId, p.number, p, add);
				break;
			}
			case 'poLines': {
				const l = rec as PoLine;
				this.#group(this.poLinesByPo, l.poId, l, add);
				this.#poLineLookups.delete(l.poId);
				break;
			}
			case 'invoices': {
				const i = rec as Invoice;
				this.#nested(this.invoicesByKey, i.customerId, i.poNumber, i, add);
				if (!this.#incremental) break;
				const nums = i.workOrderNumbers;
				for (let k = 0; k < nums.length; k++) if (nums.indexOf(nums[k]!) === k) this.#group(this.invoicesByHeaderWo, nums[k]!, i, add);
				break;
			}
			case 'invoiceLines': {
				const l = rec as InvoiceLine;
				this.#group(this.linesByInvoice, l.invoiceId, l, add);
				this.#group(this.linesByWoNumber, l.woNumber, l, add);
				break;
			}
			default:
				break;
		}
	}
}
