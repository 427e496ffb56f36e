import { RECORD_TABLES } from '$lib/db/database';
import { readGeneration, type SmallStorage } from '$lib/db/generation';
import type { LiveTable } from '$lib/state/live-table.svelte';
import type { Workbook } from '$lib/state/workbook.svelte';
import { writeStartCopy } from './start-copy';

/**
 * Keeps the workbook's start copy (start-copy.ts) current: once every record has been read and
 * checked, then a quiet moment after each change, never while a write is in flight (the copy
 * would hold an edit storage may still refuse). A copy out of date is harmless: its generation no
 * longer matches, so the next start does not use it.
 */
export class StartCopyKeeper {
	#timer: ReturnType<typeof setTimeout> | undefined;
	#off: (() => void)[] = [];
	#started = false;

	constructor(
		readonly wb: Workbook,
		/** True while this tab has writes started and not yet committed or refused. */
		readonly busy: () => boolean,
		readonly storage?: SmallStorage,
		/** Quiet time after the last change: the copy is a few hundred records serialised, not to land inside the next edit. */
		readonly delay = 3_000
	) {}

	start(): void {
		for (const t of RECORD_TABLES) this.#off.push((this.wb.tables[t] as unknown as LiveTable<{ id: string }>).subscribe(() => this.#schedule()));
		void this.wb.linesLoaded.then(() => {
			this.#started = true;
			this.#schedule();
		});
	}

	stop(): void {
		for (const off of this.#off.splice(0)) off();
		clearTimeout(this.#timer);
	}

	/** Writes the copy now, unless a write is in flight or a table is still being read; returns whether it did. */
	write(): boolean {
		if (!this.#started || this.busy() || RECORD_TABLES.some((t) => !this.wb.tables[t].loaded)) return false;
		// Read first: any change to the workbook after this changes the generation, voiding the copy.
		const gen = readGeneration(this.wb.db.name, this.storage);
		if (gen === null) return false;
		const ok = writeStartCopy(this.wb.db.name, gen, this.wb.startRecords(), this.storage);
		if (ok) performance.mark('tieout:start-copy-written');
		return ok;
	}

	#schedule(): void {
		if (!this.#started) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			const run = () => {
				if (!this.write() && this.busy()) this.#schedule();
			};
			if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2_000 });
			else run();
		}, this.delay);
	}
}
