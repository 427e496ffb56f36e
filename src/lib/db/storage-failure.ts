/**
 * What went wrong when IndexedDB refused a write, whatever shape the error arrived in.
 *
 * Dexie 4 and Chromium hand the same cause over in many wrappings: a bare DOMException, a Dexie
 * error with the DOMException as `inner`, a BulkError or ModifyError listing each request's error,
 * or requests that only say "AbortError" while the transaction's `error` holds the reason. On a
 * full disk, Chromium aborts the transaction with an UnknownError ("IO error: … FILE_ERROR_NO_SPACE")
 * and every pending request gets an AbortError; when an origin's quota is used up it aborts the
 * commit with a QuotaExceededError. Counting every failure as a unique-index refusal told a
 * contractor with a full disk that their PO's number was "already used".
 */
export type StorageFailure =
	/** A unique index refused the record: a real duplicate, every failure a ConstraintError. */
	| 'duplicate'
	/** No space left: the origin's quota, or the disk itself. */
	| 'space'
	/** The browser's storage failed inside (an internal or I/O error, a backing store it cannot open). */
	| 'broken'
	/** The stored workbook was written by a newer version. */
	| 'newer'
	/** Storage is turned off here (private window, site data blocked, no IndexedDB). */
	| 'unavailable'
	/** The connection was closed (another tab upgrading, or the page closing it). */
	| 'closed'
	/** The transaction was aborted and gave no reason. */
	| 'interrupted'
	| 'unknown';

/**
 * A write transaction that failed, with the error IndexedDB gave the transaction itself: the
 * requests of an aborted transaction only say "AbortError", the reason is on the transaction.
 */
export class TransactionFailed extends Error {
	constructor(
		readonly failure: unknown,
		readonly transactionError: unknown
	) {
		super(`${nameOf(transactionError) || 'The transaction'} failed: ${messageOf(transactionError) || messageOf(failure)}`);
		this.name = 'TransactionFailed';
	}
}

const SPACE_NAMES = new Set(['QuotaExceededError']);
/** Chromium: "FILE_ERROR_NO_SPACE"; Firefox: "NS_ERROR_FILE_NO_DEVICE_SPACE"; a quota by any wording. */
const SPACE_TEXT = /quota|no[ _]?(device[ _]?)?space|disk[ _]?full|ENOSPC/i;
const BROKEN_NAMES = new Set(['UnknownError']);
/** Chromium: "Internal error opening backing store", "IO error: …", "The database connection is closing". */
const BROKEN_TEXT = /backing store|internal error|IO error|connection is closing/i;
const NEWER_NAMES = new Set(['VersionError']);
const UNAVAILABLE_NAMES = new Set(['MissingAPIError', 'InvalidStateError', 'SecurityError']);
const CLOSED_NAMES = new Set(['DatabaseClosedError', 'VersionChangeError']);
/** A unique index's refusal, and this app's name for rows refused by one (named-writes.ts). */
const CONSTRAINT_NAMES = new Set(['ConstraintError', 'RowsRefused']);
const INTERRUPTED_NAMES = new Set(['AbortError', 'PrematureCommitError', 'TransactionInactiveError']);

interface Part {
	name: string;
	message: string;
	/** Holds no further error: the cause itself rather than a wrapping. */
	leaf: boolean;
}

function nameOf(x: unknown): string {
	const name = x && typeof x === 'object' ? (x as { name?: unknown }).name : undefined;
	return typeof name === 'string' ? name : '';
}

function messageOf(x: unknown): string {
	if (x && typeof x === 'object') {
		const message = (x as { message?: unknown }).message;
		return typeof message === 'string' ? message : '';
	}
	return x === undefined || x === null ? '' : String(x);
}

/** The errors one error carries: Dexie's `inner`, `cause`, a bulk write's failures, a transaction's error. */
function children(x: unknown): unknown[] {
	if (!x || typeof x !== 'object') return [];
	const e = x as { inner?: unknown; cause?: unknown; transactionError?: unknown; failure?: unknown; failures?: unknown; failuresByPos?: unknown };
	const failures = Array.isArray(e.failures) ? e.failures : e.failuresByPos && typeof e.failuresByPos === 'object' ? Object.values(e.failuresByPos) : [];
	return [e.inner, e.cause, e.failure, e.transactionError, ...failures].filter((c) => c !== undefined && c !== null);
}

function parts(err: unknown, depth = 0, out: Part[] = []): Part[] {
	const kids = depth < 8 ? children(err) : [];
	out.push({ name: nameOf(err), message: messageOf(err), leaf: kids.length === 0 });
	for (const k of kids) parts(k, depth + 1, out);
	return out;
}

/** Whether one request's error is a unique index's refusal (and nothing else). */
export function isConstraintFailure(err: unknown): boolean {
	const leaves = parts(err).filter((p) => p.leaf);
	return leaves.length > 0 && leaves.every((p) => CONSTRAINT_NAMES.has(p.name));
}

/**
 * The one cause of a failed write. Space and a broken store are looked for first, anywhere in
 * the error; a duplicate only when every failure in it is a unique index's refusal.
 */
export function classifyStorageError(err: unknown): StorageFailure {
	const all = parts(err);
	const any = (names: Set<string>, text?: RegExp) => all.some((p) => names.has(p.name) || (text !== undefined && text.test(p.message)));
	if (any(SPACE_NAMES, SPACE_TEXT)) return 'space';
	if (any(BROKEN_NAMES, BROKEN_TEXT)) return 'broken';
	if (any(NEWER_NAMES)) return 'newer';
	if (any(UNAVAILABLE_NAMES)) return 'unavailable';
	if (any(CLOSED_NAMES)) return 'closed';
	if (isConstraintFailure(err)) return 'duplicate';
	if (any(INTERRUPTED_NAMES)) return 'interrupted';
	return 'unknown';
}

/** The message of the error that explains an 'unknown' failure, for the person to quote. */
export function unknownDetail(err: unknown): string {
	const leaf = parts(err).find((p) => p.leaf && p.message);
	return leaf?.message ?? (messageOf(err) || String(err));
}
