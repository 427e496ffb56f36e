import { TieoutDB } from '$lib/db/database';
import type { LineCopies } from '$lib/state/fast-start-hooks';
import { Workbook } from '$lib/state/workbook.svelte';
import { storeJobOfTasks } from './db';

/**
 * Workbooks a test opens over databases of its own, each stopped and deleted after the test
 * (`closeAll` in afterEach). `copies` gives each workbook its line copies, as the page would.
 */
export class OpenedWorkbooks {
	#opened: { db: TieoutDB; wb?: Workbook }[] = [];

	constructor(
		private copies?: (db: TieoutDB) => LineCopies,
		private forget: (db: TieoutDB) => Promise<void> = async () => {}
	) {}

	/** A workbook with one job of `n` tasks: more than a first page of lines. */
	async seeded(n: number) {
		const db = new TieoutDB('wb-' + crypto.randomUUID());
		this.#opened.push({ db });
		const { tasks } = await storeJobOfTasks(db, n);
		return { db, tasks };
	}

	/** Notes `wb` as open over `db`, to be stopped after the test. */
	track(db: TieoutDB, wb: Workbook): Workbook {
		this.#opened.find((o) => o.db === db)!.wb = wb;
		return wb;
	}

	/** Opens `db` with its line copies and waits until every line is in. */
	async open(db: TieoutDB): Promise<Workbook> {
		const wb = this.track(db, new Workbook(db, this.copies?.(db)));
		await wb.start();
		await wb.linesLoaded;
		return wb;
	}

	async closeAll(): Promise<void> {
		for (const o of this.#opened.splice(0)) {
			o.wb?.stop();
			await o.db.delete();
			await this.forget(o.db);
		}
	}
}
