import type { LocalDate } from '$lib/domain/dates';
import { Reconciler, RECORD_TABLES, type ApplyResult, type Counts, type Finding, type PoBilled, type RecordTable, type TargetTable, type WoBilled } from '$lib/reconcile';
import type { Workbook } from './workbook.svelte';

/**
 * The records whose findings changed, each with the fields those findings name; null when any may
 * have. Made here by the live reconciliation; grids read it to redraw only those cells.
 */
export type FindingChanges = ReadonlyMap<string, ReadonlySet<string>> | null;

type FindingsListener = (changes: FindingChanges) => void;

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** The worst first: errors, then warnings, then bookkeeping notes. */
export const bySeverity = (a: Finding, b: Finding) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];

/**
 * Reconciliation kept live: computed from the mirrored workbook, never stored. Each table
 * change is handed to the incremental engine, which re-runs only the checks it touches and says
 * which records' findings changed, so grids redraw just those rows.
 */
export class LiveFindings {
	version = $state(0);
	counts = $state<Counts>({ error: 0, warning: 0, info: 0 });
	ready = $state(false);
	/** Moves whenever an edit re-ran checks, and so may have changed what is billed where. */
	billedVersion = $state(0);
	#engine: Reconciler | null = null;
	#byJob: { version: number; counts: Map<string, Counts> } | null = null;
	#listeners = new Set<FindingsListener>();
	#stops: (() => void)[] = [];

	constructor(
		private wb: Workbook,
		private today: () => LocalDate
	) {}

	/** Starts once every line is in memory, so the first findings are complete, not partial. */
	async start(): Promise<void> {
		await this.wb.linesLoaded;
		this.#rebuild();
		for (const table of RECORD_TABLES) {
			this.#stops.push(
				this.wb.tables[table].subscribe((d) => {
					if (d.reset) return this.#rebuild();
					this.#apply(this.#engine!.apply({ table, upserts: d.upserts, removes: d.removes } as never));
				})
			);
		}
		this.#stops.push(this.wb.tables.settings.subscribe(() => this.#apply(this.#engine!.apply({ table: 'settings', upserts: [this.wb.settings] }))));
		// A workbook left open past midnight: staleness is a matter of days.
		const timer = setInterval(() => this.#engine && this.#apply(this.#engine.setToday(this.today())), 60_000);
		this.#stops.push(() => clearInterval(timer));
		this.ready = true;
	}

	stop(): void {
		for (const s of this.#stops.splice(0)) s();
	}

	/** Called with the records whose findings changed and the fields those findings name; null when any may have. */
	subscribe(listener: FindingsListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	all(): readonly Finding[] {
		void this.version;
		return this.#engine?.findings() ?? [];
	}

	forRecord(table: TargetTable, id: string): Finding[] {
		return this.#engine?.forRecord(table, id) ?? [];
	}

	/** Findings on one cell: the record's findings that name this field. */
	forCell(table: TargetTable, id: string, field: string): Finding[] {
		return this.forRecord(table, id).filter((f) => f.targets.some((t) => t.table === table && t.id === id && t.field === field));
	}

	/** Every finding that stands against this invoice: its own, and those it shares with others. */
	ofInvoice(invoiceNumber: string): Finding[] {
		return this.all().filter((f) => f.invoiceNumbers.includes(invoiceNumber));
	}

	/** How many findings of each severity name this job (on the ticket, its tasks, or lines billing it). */
	ofWorkOrder(number: string): Counts {
		const version = this.version;
		if (this.#byJob?.version !== version) {
			const counts = new Map<string, Counts>();
			for (const f of this.all()) {
				if (!f.workOrderNumber) continue;
				let c = counts.get(f.workOrderNumber);
				if (!c) counts.set(f.workOrderNumber, (c = { error: 0, warning: 0, info: 0 }));
				c[f.severity]++;
			}
			this.#byJob = { version, counts };
		}
		return this.#byJob.counts.get(number) ?? { error: 0, warning: 0, info: 0 };
	}

	/** What is billed against a PO; null until the workbook's lines are in, or for no such PO. */
	poBilled(poId: string): PoBilled | null {
		void this.billedVersion;
		return this.#engine?.poBilled(poId) ?? null;
	}

	woBilled(woId: string): WoBilled | null {
		void this.billedVersion;
		return this.#engine?.woBilled(woId) ?? null;
	}

	/** An invoice is AP-ready when no error stands against it. */
	invoiceErrors(invoiceNumber: string): Finding[] {
		return this.ofInvoice(invoiceNumber).filter((f) => f.severity === 'error');
	}

	#snapshot() {
		const t = this.wb.tables;
		const rows = Object.fromEntries(RECORD_TABLES.map((name) => [name, t[name as RecordTable].rows()]));
		return { ...rows, settings: this.wb.settings, today: this.today() } as never;
	}

	#rebuild(): void {
		this.#engine = new Reconciler(this.#snapshot());
		this.#apply(null);
	}

	#apply(result: ApplyResult | null): void {
		if (!result || result.evaluated > 0) this.billedVersion++;
		if (result && result.ids.size === 0) return;
		this.counts = this.#engine!.counts();
		this.version++;
		for (const l of this.#listeners) l(result?.fields ?? null);
	}
}
