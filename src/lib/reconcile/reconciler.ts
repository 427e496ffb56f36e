import type { LocalDate } from '../domain/dates';
import { poBilled, woBilled, type PoBilled, type WoBilled } from './billed';
import { Anchors, expand } from './dependencies';
import { Index } from './keys/indexes';
import { evaluateAllScopes, evaluateScope, scopeId, type ScopeId } from './scopes';
import { byKey, compareKeys } from './sort';
import type { Change, Counts, Finding, RecordTable, Target, TargetTable, Workbook } from './types';

/** What one `apply` changed. A finding whose text or targets changed counts as removed and added. */
export interface ApplyResult {
	/** Records whose findings changed (a finding appeared, went, or changed), by table: the rows to re-render. */
	changed: Map<TargetTable, Set<string>>;
	/** The same record ids, flattened. */
	ids: Set<string>;
	/** For each of those records, the fields named by the findings that changed: the cells to redraw. */
	fields: Map<string, Set<string>>;
	added: Finding[];
	removed: Finding[];
	/** How many scopes were re-run (for tests and diagnostics: an edit should touch few). */
	evaluated: number;
}

/** Past this many changed findings the sorted list is rebuilt rather than patched. */
const PATCH_LIMIT = 512;

const recordKey = (t: Target) => `${t.table}\u0001${t.id}`;

/**
 * The incremental engine. It keeps the workbook's indexes and each scope's findings; an edit
 * re-runs only the scopes it can affect (dependencies.ts) and reports what changed. After any
 * sequence of `apply` calls, `findings()` equals `reconcileAll` of the resulting workbook (a
 * property test holds it to that).
 */
export class Reconciler {
	readonly #idx: Index;
	readonly #byScope = new Map<ScopeId, Finding[]>();
	readonly #byKey = new Map<string, Finding>();
	readonly #byRecord = new Map<string, Set<string>>();
	#sorted: Finding[] | null = null;
	readonly #counts: Counts = { error: 0, warning: 0, info: 0 };
	/** Billing figures by scope, worked out when asked for and dropped whenever the scope re-runs. */
	readonly #billed = new Map<ScopeId, PoBilled | WoBilled>();

	constructor(wb: Workbook) {
		this.#idx = Index.from(wb, true);
		evaluateAllScopes(this.#idx, (scope, found) => {
			this.#byScope.set(scope, found);
			for (const f of found) this.#add(f);
		});
	}

	/**
	 * Apply one batch of writes to one table: `upserts` are whole records (new or edited), `removes`
	 * ids. Records are treated as immutable: pass a new object for an edited record, never the
	 * stored one changed in place (the engine needs the old version to know what it leaves).
	 * Settings replace the settings and re-run everything.
	 */
	apply(change: Change): ApplyResult {
		if (change.table === 'settings') {
			const next = change.upserts[change.upserts.length - 1];
			if (!next) return this.#rerun(new Set());
			this.#idx.settings = next;
			return this.#rerunAll();
		}
		const table: RecordTable = change.table;
		const anchors = new Anchors();
		for (const rec of change.upserts) {
			const prev = this.#idx.get(table, rec.id);
			if (prev) anchors.note(this.#idx, table, prev);
			this.#idx.upsert(table, rec as never);
			anchors.note(this.#idx, table, rec as never);
		}
		for (const id of change.removes) {
			const prev = this.#idx.remove(table, id);
			if (prev) anchors.note(this.#idx, table, prev);
		}
		return this.#rerun(expand(this.#idx, anchors));
	}

	/** A new day: only staleness depends on the date, so only work-order scopes re-run. */
	setToday(today: LocalDate): ApplyResult {
		if (today === this.#idx.today) return this.#rerun(new Set());
		this.#idx.today = today;
		return this.#rerun(new Set([...this.#idx.workOrders.keys()].map((id) => scopeId('W', id))));
	}

	/** Every finding, sorted by key (the same list `reconcileAll` gives). Do not mutate. */
	findings(): readonly Finding[] {
		if (!this.#sorted) this.#sorted = [...this.#byKey.values()].sort(byKey);
		return this.#sorted;
	}

	/** The findings pointing at one record, sorted by key. */
	forRecord(table: TargetTable, id: string): Finding[] {
		const keys = this.#byRecord.get(`${table}\u0001${id}`);
		if (!keys) return [];
		return [...keys]
			.sort(compareKeys)
			.map((k) => this.#byKey.get(k))
			.filter((f): f is Finding => !!f);
	}

	finding(key: string): Finding | undefined {
		return this.#byKey.get(key);
	}

	counts(): Counts {
		return { ...this.#counts };
	}

	/**
	 * What is billed against a PO (null when there is no such PO). Kept until an edit re-runs the
	 * PO's scope: billing reads exactly what the PO's rules read, so the dependencies that
	 * re-run the rules are the ones that change it (the property test holds it to that).
	 */
	poBilled(poId: string): PoBilled | null {
		const po = this.#idx.purchaseOrders.get(poId);
		return po ? this.#billedFor(scopeId('P', poId), () => poBilled(this.#idx, po)) : null;
	}

	/** What is billed against a work order (null when there is no such work order). */
	woBilled(woId: string): WoBilled | null {
		const wo = this.#idx.workOrders.get(woId);
		return wo ? this.#billedFor(scopeId('W', woId), () => woBilled(this.#idx, wo)) : null;
	}

	#billedFor<B extends PoBilled | WoBilled>(scope: ScopeId, make: () => B): B {
		let b = this.#billed.get(scope) as B | undefined;
		if (!b) this.#billed.set(scope, (b = make()));
		return b;
	}

	#rerunAll(): ApplyResult {
		this.#billed.clear();
		const scopes = new Set<ScopeId>(this.#byScope.keys());
		const fresh = new Map<ScopeId, Finding[]>();
		evaluateAllScopes(this.#idx, (scope, found) => {
			fresh.set(scope, found);
			scopes.add(scope);
		});
		return this.#replace(scopes, (scope) => fresh.get(scope) ?? []);
	}

	#rerun(scopes: Set<ScopeId>): ApplyResult {
		return this.#replace(scopes, (scope) => {
			const out: Finding[] = [];
			evaluateScope(this.#idx, scope, out);
			return out;
		});
	}

	/**
	 * Swap the findings of these scopes for their fresh ones, diffing by key. All removals happen
	 * before any addition, so a finding that moves from one scope to another is kept correctly.
	 */
	#replace(scopes: Set<ScopeId>, evaluate: (scope: ScopeId) => Finding[]): ApplyResult {
		const before = new Map<string, Finding>();
		const fresh: Finding[][] = [];
		for (const scope of scopes) {
			this.#billed.delete(scope);
			const old = this.#byScope.get(scope);
			if (old) for (const f of old) before.set(f.key, f);
			const found = evaluate(scope);
			if (found.length) this.#byScope.set(scope, found);
			else this.#byScope.delete(scope);
			fresh.push(found);
		}
		const added: Finding[] = [];
		for (const found of fresh) {
			for (let i = 0; i < found.length; i++) {
				const f = found[i]!;
				const old = before.get(f.key);
				if (old && sameFinding(old, f)) {
					// Unchanged: keep the stored object, so identity (and every index) stays valid.
					found[i] = old;
					before.delete(f.key);
				} else added.push(f);
			}
		}
		const removed = [...before.values()];
		for (const f of removed) this.#remove(f);
		for (const f of added) this.#add(f);
		this.#patchSorted(removed, added);

		const changed = new Map<TargetTable, Set<string>>();
		const ids = new Set<string>();
		const fields = new Map<string, Set<string>>();
		for (const f of [...removed, ...added]) {
			for (const t of f.targets) {
				let set = changed.get(t.table);
				if (!set) changed.set(t.table, (set = new Set()));
				set.add(t.id);
				ids.add(t.id);
				let named = fields.get(t.id);
				if (!named) fields.set(t.id, (named = new Set()));
				named.add(t.field);
			}
		}
		return { changed, ids, fields, added, removed, evaluated: scopes.size };
	}

	#add(f: Finding): void {
		this.#byKey.set(f.key, f);
		this.#counts[f.severity]++;
		for (const t of f.targets) {
			const k = recordKey(t);
			let keys = this.#byRecord.get(k);
			if (!keys) this.#byRecord.set(k, (keys = new Set()));
			keys.add(f.key);
		}
	}

	#remove(f: Finding): void {
		if (this.#byKey.get(f.key) !== f) return;
		this.#byKey.delete(f.key);
		this.#counts[f.severity]--;
		for (const t of f.targets) {
			const k = recordKey(t);
			const keys = this.#byRecord.get(k);
			if (!keys) continue;
			keys.delete(f.key);
			if (keys.size === 0) this.#byRecord.delete(k);
		}
	}

	/** Keep the sorted list current with binary-search edits when few findings changed. */
	#patchSorted(removed: Finding[], added: Finding[]): void {
		const list = this.#sorted;
		if (!list) return;
		if (removed.length + added.length > PATCH_LIMIT) {
			this.#sorted = null;
			return;
		}
		const next = list.slice();
		for (const f of removed) {
			const i = lowerBound(next, f.key);
			if (i < next.length && next[i]!.key === f.key) next.splice(i, 1);
		}
		for (const f of added) next.splice(lowerBound(next, f.key), 0, f);
		this.#sorted = next;
	}
}

function lowerBound(list: readonly Finding[], key: string): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (list[mid]!.key < key) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function sameFinding(a: Finding, b: Finding): boolean {
	if (
		a.code !== b.code ||
		a.severity !== b.severity ||
		a.message !== b.message ||
		a.withinTolerance !== b.withinTolerance ||
		a.customerId !== b.customerId ||
		a.poNumber !== b.poNumber ||
		a.invoiceNumber !== b.invoiceNumber ||
		a.invoiceNumbers.length !== b.invoiceNumbers.length ||
		a.invoiceNumbers.some((n, i) => n !== b.invoiceNumbers[i]) ||
		a.workOrderNumber !== b.workOrderNumber ||
		a.targets.length !== b.targets.length
	)
		return false;
	for (let i = 0; i < a.targets.length; i++) {
		const x = a.targets[i]!;
		const y = b.targets[i]!;
		if (x.table !== y.table || x.id !== y.id || x.field !== y.field) return false;
	}
	return true;
}
