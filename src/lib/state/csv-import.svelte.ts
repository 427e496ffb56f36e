import type { ColumnMapping } from '$lib/db/database';
import { appliedText, type BadRows } from '$lib/io/csv/bad-jobs';
import { fieldsOf, type ImportKind } from '$lib/io/csv/fields';
import { startingFormat } from '$lib/io/csv/guess';
import { headerSignature, initialMapping, validateMapping, type FieldMapping, type MappingProblem } from '$lib/io/csv/mapping';
import type { ImportProblem } from '$lib/io/csv/problem';
import type { Delimiter } from '$lib/io/csv/sniff';
import type { ValueOptions } from '$lib/io/csv/values';
import type { PlanSummaryOutcome, TableSummary } from '$lib/io/csv/worker/protocol';
import { newCustomer } from '$lib/domain/factories';
import { bumpGeneration } from '$lib/db/generation';
import { WriteCancelled } from '$lib/db/write-watch';
import { describeStorageError, describeStorageProblem } from '$lib/db/errors';
import { announce, recordingOff } from '$lib/db/history';
import { app, newId, saveOne, today } from './app.svelte';
import { ImportWorker } from './import-worker';
import { IMPORTED, lineReferences, storedFor } from './import-stored';
import { notices } from './notices.svelte';
import { reloadHolds } from './reload-holds.svelte';
import { ImportCustomers } from './import-customers.svelte';

/** A PDF by its first bytes (`%PDF-`), whatever its name; else by its name. */
function isPdf(name: string, bytes: ArrayBuffer): boolean {
	const head = new Uint8Array(bytes, 0, Math.min(1024, bytes.byteLength));
	const text = String.fromCharCode(...head);
	return text.includes('%PDF-') || /\.pdf$/i.test(name);
}

export type Step = 'file' | 'reading' | 'refused' | 'map' | 'checking' | 'review' | 'applying';

/**
 * An import wizard's state (POs, work orders or invoices): file → table (in a worker) → mapping
 * → checked plan → one transaction. Nothing is written before `apply()`, so cancelling at any
 * step changes nothing.
 */
export class CsvImport {
	readonly kind: ImportKind;
	readonly fields;

	constructor(kind: ImportKind) {
		this.kind = kind;
		this.fields = fieldsOf(kind);
	}

	#step = $state<Step>('file');
	get step(): Step {
		return this.#step;
	}
	set step(step: Step) {
		this.#step = step;
		// An update's reload waits while rows are checked or written (update-offer.svelte.ts).
		if (step === 'checking' || step === 'applying') reloadHolds.imports.add(this);
		else reloadHolds.imports.delete(this);
	}
	fileName = $state('');
	/** The file is a PDF (a buyer's printed PO): read by its text, with no delimiter or header row to choose. */
	isPdf = $state(false);
	/** How far the current phase (read, check, write) is, 0–1. */
	progress = $state(0);
	/** When the current phase began (performance.now()), for the time left. */
	phaseStarted = $state(0);
	/** The write has passed its last checkpoint and is committing: Cancel can no longer stop it. */
	unstoppable = $state(false);
	/** Cancel was pressed during the write: it stops at its next slice and takes everything back. */
	cancelling = $state(false);
	// Raw, not deeply reactive: large, replaced whole, and written to IndexedDB (which cannot clone proxies).
	summary = $state.raw<TableSummary | null>(null);
	problems = $state.raw<ImportProblem[]>([]);
	delimiter = $state<Delimiter | null>(null);
	headerRow = $state<number | null>(null);
	options = $state<ValueOptions>({ decimal: '.', dateOrder: 'mdy' });
	customerId = $state<string | null>(null);
	mapping = $state<FieldMapping>({});
	/** Where the mapping came from, said to the person: remembered for this customer, or guessed from the headers. */
	mappingSource = $state<'saved' | 'suggested'>('suggested');
	/** Where the number and date format came from: the last import of these headers, or the file itself. */
	optionsSource = $state<'saved' | 'guessed' | 'chosen'>('guessed');
	outcome = $state.raw<PlanSummaryOutcome | null>(null);
	/** What to do with jobs that break a rule (bad-jobs.ts): all or nothing until the person chooses otherwise. */
	badRows = $state<BadRows>('refuse');
	/** The person has just chosen, so the choice keeps the keyboard when the review is drawn again. */
	badRowsChosen = $state(false);
	#bytes: ArrayBuffer | null = null;
	/** Whether the file itself showed its decimal separator and date order. */
	#decided = { decimal: false, dateOrder: false };
	/** Bumped by cancel and reset, so an answer to an abandoned request is ignored. */
	#generation = 0;
	#worker = new ImportWorker();
	/** The customers the file's Customer column names, row by row. */
	readonly customers = new ImportCustomers((column) => this.#worker.names(column));
	/** The mapping as it was offered, so choosing the customer may bring that customer's own without undoing the person's edits. */
	#offered = '';

	get mappingProblems(): MappingProblem[] {
		return this.summary ? validateMapping(this.kind, this.mapping, this.summary.header) : [];
	}

	async open(file: File): Promise<void> {
		this.reset();
		this.fileName = file.name;
		this.#bytes = await file.arrayBuffer();
		this.isPdf = isPdf(file.name, this.#bytes);
		if (this.isPdf && this.kind !== 'po') {
			// Only a buyer's PO is read from its print; jobs and invoices come from their systems' exports.
			this.problems = [{ file: file.name, row: null, column: null, message: `${file.name} is a PDF: only purchase orders can be read from a PDF. Import ${this.kind === 'workOrder' ? 'jobs' : 'invoices'} from a CSV export`, severity: 'error' }];
			this.step = 'refused';
			return;
		}
		await this.#read();
	}

	/** The person changed the delimiter or the header row: read the same bytes again. */
	async reread(): Promise<void> {
		if (this.#bytes && !this.isPdf) await this.#read();
	}

	async #read(): Promise<void> {
		const generation = this.#generation;
		this.step = 'reading';
		this.#phase();
		this.outcome = null;
		try {
			const chosen = { ...(this.delimiter ? { delimiter: this.delimiter } : {}), ...(this.headerRow ? { headerRow: this.headerRow } : {}) };
			const onProgress = (f: number) => (this.progress = f);
			const r = this.isPdf ? await this.#worker.readPdf(this.#bytes!, this.fileName, onProgress) : await this.#worker.read(this.#bytes!, this.fileName, chosen, onProgress);
			if (generation !== this.#generation) return;
			if (!r.ok) {
				this.problems = r.problems;
				this.step = 'refused';
				return;
			}
			this.summary = r.summary;
			this.delimiter = r.summary.delimiter;
			this.headerRow = r.summary.headerRow;
			this.options = { decimal: r.summary.decimal, dateOrder: r.summary.dateOrder };
			this.#decided = r.summary.decided;
			this.problems = [];
			await this.#chooseMapping(r.summary.header);
			this.customers.clear();
			void this.customers.follow(this.mapping.customer);
			this.step = 'map';
		} catch (e) {
			if (generation !== this.#generation) return;
			this.problems = [{ file: this.fileName, row: null, column: null, message: e instanceof Error ? e.message : String(e), severity: 'error' }];
			this.step = 'refused';
		}
	}

	/** The mapping saved when these headers were imported before (for this customer if chosen), else a suggestion. */
	async #chooseMapping(header: string[]): Promise<void> {
		// A handful of records: read them all rather than index on the signature.
		const stored = await app.wb.db.mappings.toArray();
		const mine = initialMapping(this.kind, header, this.customerId, stored);
		// The same headers saved for another buyer give the columns, never the customer: two buyers on
		// one procurement system send the same headers, so the person says whose file this is.
		const signature = headerSignature(header);
		const other = mine.saved ? undefined : stored.find((m) => m.kind === this.kind && m.headerSignature === signature && validateMapping(this.kind, m.mapping, header).length === 0);
		this.mapping = other ? { ...other.mapping } : mine.mapping;
		this.#offered = JSON.stringify(this.mapping);
		this.mappingSource = mine.saved || other ? 'saved' : 'suggested';
		// Nothing in a file may tell 12.500 (decimal comma) from 12.500 (point): the last import of these headers does.
		const start = startingFormat({ ...this.options, decided: this.#decided }, mine.saved ? mine.options : other?.options);
		this.options = { decimal: start.decimal, dateOrder: start.dateOrder };
		this.optionsSource = start.fromMemory ? 'saved' : 'guessed';
	}

	/** The person chose the customer: the columns saved for that customer's file with these headers replace an offer they have not changed. */
	async customerChosen(): Promise<void> {
		this.edited();
		const s = this.summary;
		if (!s || JSON.stringify(this.mapping) !== this.#offered) return;
		const mine = initialMapping(this.kind, s.header, this.customerId, await app.wb.db.mappings.toArray());
		if (!mine.saved || this.summary !== s || JSON.stringify(this.mapping) !== this.#offered) return;
		this.mapping = mine.mapping;
		this.#offered = JSON.stringify(mine.mapping);
		this.mappingSource = 'saved';
		if (mine.options && this.optionsSource !== 'chosen') {
			const start = startingFormat({ ...this.options, decided: this.#decided }, mine.options);
			this.options = { decimal: start.decimal, dateOrder: start.dateOrder };
			this.optionsSource = start.fromMemory ? 'saved' : 'guessed';
		}
		void this.customers.follow(this.mapping.customer);
	}

	/**
	 * Why the rows cannot be checked yet for want of a customer, or null: without a Customer
	 * column the person chooses the customer (never a default); with one, every name it holds
	 * must be a known customer.
	 */
	get customerBlocker(): string | null {
		if (!this.summary) return null;
		if (!this.mapping.customer) {
			if (this.customerId) return null;
			const none = app.wb.tables.customers.size === 0;
			const what = { po: 'these POs are from', workOrder: 'these jobs are for', invoice: 'these invoices are for' }[this.kind];
			return `Choose the customer ${what}${this.kind === 'po' && none ? ', or add it above' : ', or map the column that names it'}.`;
		}
		if (this.customers.reading) return 'Reading the names in the Customer column…';
		const n = this.customers.unresolved.length;
		if (n === 0) return null;
		return `${n === 1 ? 'A name' : `${n} names`} in the Customer column ${n === 1 ? 'matches' : 'match'} no single customer: add ${n === 1 ? 'it' : 'them'} or say which customer ${n === 1 ? 'it is' : 'each is'} above, or cancel the import.`;
	}

	/** The customers the file's rows go to: the one chosen for rows that name none, and each one named. */
	#inPlay(): Set<string> {
		const ids = new Set(this.mapping.customer ? this.customers.matchedIds : []);
		if (this.customerId) ids.add(this.customerId);
		return ids;
	}

	/** Converts every row and compares with what is stored; shows all problems, writes nothing. */
	async check(): Promise<void> {
		if (!this.summary || this.mappingProblems.length || this.customerBlocker) return;
		const generation = this.#generation;
		this.step = 'checking';
		this.#phase();
		const wb = app.wb;
		const inPlay = this.#inPlay();
		const purchaseOrders = wb.tables.purchaseOrders.rows().filter((p) => inPlay.has(p.customerId));
		try {
			this.outcome = await this.#worker.plan({
				kind: this.kind,
				mapping: $state.snapshot(this.mapping),
				options: $state.snapshot(this.options),
				customerId: this.customerId,
				customers: wb.tables.customers.rows(),
				nameChoices: $state.snapshot(this.customers.choices),
				sites: wb.tables.sites.rows(),
				today: today(),
				stored: storedFor(wb, this.kind, purchaseOrders),
				references: this.kind === 'po' ? lineReferences(wb, purchaseOrders) : {},
				badRows: this.badRows
			}, (f) => generation === this.#generation && (this.progress = f));
			if (generation !== this.#generation) return;
			this.step = 'review';
		} catch (e) {
			if (generation !== this.#generation) return;
			this.outcome = { ok: false, problems: [{ file: this.fileName, row: null, column: null, message: e instanceof Error ? e.message : String(e), severity: 'error' }] };
			this.step = 'review';
		}
	}

	/**
	 * Writes the plan and remembers the mapping, in one transaction, from the worker that holds the
	 * plan (import-write.ts): the page only moves the bar. Resolves to the first new or changed
	 * record's id once the page shows it.
	 */
	async apply(): Promise<string | null> {
		const o = this.outcome;
		if (!o?.ok || !this.summary) return null;
		const { records, counts } = o.plan;
		// What the plan was checked with, remembered as such: the form stays open while the write runs.
		const checked = { customerId: this.customerId ?? '', mapping: $state.snapshot(this.mapping), options: $state.snapshot(this.options) };
		this.step = 'applying';
		this.#phase();
		const fileName = this.fileName;
		const db = app.wb.db;
		const signature = headerSignature(this.summary.header);
		app.pendingWrites++;
		let answer;
		try {
			await app.started;
			const existing = (await db.mappings.where('[customerId+kind]').equals([checked.customerId, this.kind]).toArray()).find((m) => m.headerSignature === signature);
			const mapping: ColumnMapping = { id: existing?.id ?? newId(), customerId: checked.customerId, kind: this.kind, headerSignature: signature, mapping: checked.mapping, options: checked.options };
			if (this.cancelling) throw new WriteCancelled();
			// Before the write: a tab closed during it must not leave a kept first screen trusted (db/generation.ts).
			bumpGeneration(db.name);
			answer = await this.#worker.write({ db: db.name, mapping, file: fileName, recording: !recordingOff() }, (fraction, committing) => {
				this.progress = fraction;
				if (committing) this.unstoppable = true;
			});
		} catch (e) {
			answer = { ok: false as const, cancelled: e instanceof WriteCancelled, message: describeStorageError(e) };
		} finally {
			bumpGeneration(db.name);
			app.pendingWrites--;
		}
		if (!answer.ok && answer.cancelled) return this.#cancelled(fileName);
		if (!answer.ok) {
			// A refused import is told as what it is: a record named, or the storage failure itself.
			notices.push('error', `${fileName} was not imported. ${answer.message}`);
			this.step = 'review';
			this.#phase();
			return null;
		}
		if (answer.committed) announce(answer.committed);
		const first = records.find((r) => r.status !== 'unchanged') ?? records[0];
		// The records reach this page through the change feed, which may arrive after the worker's
		// answer and brings a big import's lines in slices: the one the page opens is read at once.
		const { table, lines } = IMPORTED[this.kind];
		if (first) await app.wb.showNow(table, first.id, lines).catch((err) => notices.push('error', `${fileName} was imported, but could not be read back to show it: ${describeStorageProblem(err)}`));
		notices.push('success', `${fileName}: ${counts.new} new, ${counts.changed} changed; ${counts.parts} line${counts.parts === 1 ? '' : 's'} added, changed or removed.${o.bad ? ` ${appliedText(o.bad)}` : ''}`);
		this.reset();
		return first?.id ?? null;
	}

	/**
	 * A first import need not leave the wizard: the buyer is added as a customer here (its other
	 * details are filled in on Customers later) and chosen. Resolves to the refusal, or null.
	 */
	async addCustomer(name: string): Promise<string | null> {
		const customer = newCustomer(newId(), { name: name.trim(), defaultTerms: app.wb.settings.defaultTerms });
		const refused = await saveOne('customers', customer);
		if (refused) return refused;
		this.customerId = customer.id;
		this.edited();
		return null;
	}

	/** The person chose what to do with the jobs that have problems: check the file again that way. */
	chooseBadRows(mode: BadRows): Promise<void> {
		this.badRows = mode;
		this.badRowsChosen = true;
		return this.check();
	}

	/** A choice changed after the check: the plan no longer matches it, so it must be checked again. */
	edited(): void {
		void this.customers.follow(this.mapping.customer);
		if (this.step !== 'review') return;
		// Other choices may leave other jobs with problems: all or nothing again until chosen.
		this.badRows = 'refuse';
		this.badRowsChosen = false;
		this.outcome = null;
		this.step = 'map';
	}

	/**
	 * During the write, Cancel stops it at its next slice and apply() tells and resets once the
	 * transaction has taken everything back; once it is committing it can only finish (the button
	 * says so). At any other step nothing has been written, so the wizard resets at once.
	 */
	cancel(): void {
		if (this.step === 'applying') {
			if (this.unstoppable || this.cancelling) return;
			this.cancelling = true;
			this.#worker.stopWrite();
			return;
		}
		this.#worker.cancel();
		this.reset();
	}

	#cancelled(fileName: string): null {
		notices.push('info', `${fileName} was not imported: the import was cancelled, and nothing was changed.`);
		this.reset();
		return null;
	}

	/** A phase begins: its bar starts empty and its time left is counted from now. */
	#phase(): void {
		this.progress = 0;
		this.phaseStarted = performance.now();
		this.unstoppable = false;
		this.cancelling = false;
	}

	reset(): void {
		this.#generation++;
		this.step = 'file';
		this.fileName = '';
		this.isPdf = false;
		this.#phase();
		this.summary = null;
		this.problems = [];
		this.delimiter = null;
		this.headerRow = null;
		this.mapping = {};
		this.outcome = null;
		this.badRows = 'refuse';
		this.badRowsChosen = false;
		this.#bytes = null;
		// Each file says, or the person says, whose it is: the last file's customer is not carried over.
		this.customerId = null;
		this.customers.clear();
	}

}
