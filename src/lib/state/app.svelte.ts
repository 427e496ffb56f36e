import { localDateOf, type LocalDate } from '$lib/domain/dates';
import { sampleSettings, sampleWorkbook } from '$lib/domain/sample-workbook';
import { TieoutDB, type TableName } from '$lib/db/database';
import { describeCellRefusal, describeStorageError, describeStorageProblem } from '$lib/db/errors';
import type { RecordOf } from '$lib/db/records';
import { applyChanges, deleteRecord, saveBatch, saveRecord, type ChangeSet } from '$lib/db/repository';
import type { Cause } from '$lib/db/cause';
import type { WriteWatch } from '$lib/db/write-watch';
import { replaceWorkbook, type PreparedBackup } from '$lib/db/backup';
import { readStorageStatus, requestPersistence, type StorageStatus } from '$lib/db/storage';
import { notices } from './notices.svelte';
import { LiveFindings } from './findings.svelte';
import { Workbook } from './workbook.svelte';
import { updateShownFirst } from './shown-first';
import type { CopyKeepers, FastStart } from './fast-start-hooks';
import { askPersistenceOnceFilled } from './persistence.svelte';
import { undoStack } from './undo-stack.svelte';

export const today = (): LocalDate => localDateOf(new Date());
export const newId = (): string => crypto.randomUUID();

/**
 * What the rooms above state lend the app to open a workbook: state imports neither ui nor
 * fast-start, so the page that opens it (src/routes/+layout.ts) hands these in.
 */
export interface OpenHooks {
	/** Resolves once the browser has painted what is on screen (ui/paint.ts): the rest of the lines are read after the first rows show. */
	afterPaint(): Promise<void>;
	/** The fast-start copies of workbook `db` (src/lib/fast-start): its line files, the keepers of its first screens. */
	fastStart(db: string): FastStart;
}

/** The open workbook and what the person should know about its storage. */
class App {
	db: TieoutDB | null = null;
	workbook = $state<Workbook | null>(null);
	findings = $state<LiveFindings | null>(null);
	storage = $state<StorageStatus | null>(null);
	fatal = $state<string | null>(null);
	/** Writes started and not yet committed or refused: leaving the page now would lose them. */
	pendingWrites = $state(0);
	/** Keeps the fast-start copies from the open workbook, the line pages' first screens among them (`FastStart.opened`). */
	copyKeepers: CopyKeepers | null = null;
	/**
	 * Settles once the workbook has read what is stored (or failed to open). A write asked for
	 * before then waits for this, so none is made against records not yet read back from storage.
	 */
	readonly started: Promise<void>;
	#started!: () => void;
	/**
	 * Settles once every record has been read and reconciled (or the workbook failed to open):
	 * what is built from many records at once, an invoice from jobs, a PDF, AP's check before
	 * sending, waits for this rather than use a first page's share of the lines.
	 */
	readonly checked: Promise<void>;
	#checked!: () => void;

	constructor() {
		this.started = new Promise((resolve) => (this.#started = resolve));
		this.checked = new Promise((resolve) => (this.#checked = resolve));
	}

	async open(hooks: OpenHooks, name?: string): Promise<void> {
		if (this.db) return;
		const db = new TieoutDB(name);
		this.db = db;
		undoStack.start(db.name);
		db.on('blocked', () => {
			notices.push('error', 'Tieout is open in another tab with an older version of the workbook. Close or reload that tab so this one can open it.');
		});
		db.on('versionchange', () => {
			db.close();
			this.fatal = 'A newer version of Tieout was opened in another tab and upgraded the workbook. Reload this tab to keep working; nothing was lost.';
			return false;
		});
		// The big tables' fast-start copies are read in a worker while the workbook opens.
		const fast = hooks.fastStart(db.name);
		const wb = new Workbook(db, fast.lines, hooks.afterPaint);
		// Here before any grid, so every grid's subscription reaches it; it starts once the lines are read.
		const findings = new LiveFindings(wb, today);
		const show = () => {
			this.findings = findings;
			this.workbook = wb;
		};
		try {
			await db.open();
			performance.mark('tieout:db-open');
			await wb.start();
			show();
			this.copyKeepers = fast.opened(wb);
			findings
				.start()
				.catch((err) => notices.push('error', `Reconciliation could not start: ${err instanceof Error ? err.message : String(err)}`))
				.finally(this.#checked);
		} catch (err) {
			this.fatal = `Tieout could not open the workbook: ${describeStorageProblem(err)}`;
			this.#checked();
			return;
		} finally {
			this.#started();
		}
		void this.refreshStorage();
		askPersistenceOnceFilled(wb, () => this.refreshStorage(true));
	}

	async refreshStorage(askPersistence = false): Promise<void> {
		try {
			if (askPersistence) await requestPersistence();
			this.storage = await readStorageStatus();
		} catch (err) {
			notices.push('error', `Could not read the storage status: ${describeStorageProblem(err)}`);
		}
	}

	get wb(): Workbook {
		if (!this.workbook) throw new Error('The workbook is not open yet');
		return this.workbook;
	}
}

export const app = new App();

/**
 * Every write from the UI goes through here: a refusal or storage error is shown to the person
 * and returned (so a grid can keep the old value), never swallowed.
 */
async function attempt(what: () => Promise<unknown>, notify = true, describe = describeStorageError): Promise<string | null> {
	app.pendingWrites++;
	try {
		await app.started;
		await what();
		return null;
	} catch (err) {
		const message = describe(err);
		if (notify) notices.push('error', message);
		return message;
	} finally {
		app.pendingWrites--;
	}
}

export const saveOne = <K extends TableName>(table: K, record: RecordOf[K], cause?: Cause) => attempt(() => saveRecord(app.wb.db, table, record, cause));

/** A cell's edit: the grid shows the refusal under itself, after the row and column it names. */
export const updateCell = <K extends TableName>(table: K, id: string, patch: Partial<RecordOf[K]>, startedAs: Partial<RecordOf[K]>, cause?: Cause) =>
	attempt(() => updateShownFirst(app.wb.db, app.wb.tables[table] as never, table, id, patch, startedAs, cause), false, describeCellRefusal);

export const deleteOne = (table: TableName, id: string, cause?: Cause) => attempt(() => deleteRecord(app.wb.db, table, id, cause));

/**
 * Several records at once (an invoice made from jobs, an import): all stored, or none and the
 * reason shown. `changes` may be read from storage first, so a failed read is told the same way.
 */
export const applySet = (changes: ChangeSet | (() => Promise<ChangeSet>), notify = true, watch?: WriteWatch, cause?: Cause) =>
	attempt(async () => applyChanges(app.wb.db, typeof changes === 'function' ? await changes() : changes, watch, cause), notify);

/** A backup read and checked (`readBackup`) replaces the workbook; `describe` words a refusal. */
export const restoreWorkbook = (backup: PreparedBackup, describe: (err: unknown) => string, file = '') => attempt(() => replaceWorkbook(app.wb.db, backup, file), true, describe);

export async function loadSampleData(): Promise<string | null> {
	const error = await attempt(() => saveBatch(app.wb.db, { ...sampleWorkbook(today(), newId), settings: [sampleSettings(app.wb.settings)] }, { kind: 'sample' }));
	if (!error) notices.push('success', 'Sample workbook loaded: 3 customers, 12 work orders, 3 POs, 4 invoices.');
	return error;
}
