import type { Problem } from '$lib/domain/result';
import { RowsRefused } from './named-writes';

const DUPLICATE = 'That record would duplicate one that already exists (same number), so nothing was saved.';

/** A write that was refused because the record is invalid, not unique, or still referenced. Nothing was stored. */
export class RecordError extends Error {
	constructor(
		readonly problems: Problem[],
		readonly what: string
	) {
		super(`${what}: ${problems.map((p) => p.message).join('; ')}`);
		this.name = 'RecordError';
	}
}

/**
 * A refusal shown under a grid after the row and column it concerns, which it does not name again.
 */
export function describeCellRefusal(err: unknown): string {
	if (!(err instanceof RecordError)) return describeStorageError(err);
	return `${err.problems.map((p) => p.message).join('; ').replace(/\.$/, '')}. Nothing was saved.`;
}

/**
 * Turn a storage failure into a sentence that says what happened and what was kept.
 * Every caller shows this to the person; none swallows it.
 */
export function describeStorageError(err: unknown): string {
	if (err instanceof RecordError) return err.message;
	if (err instanceof RowsRefused) return DUPLICATE;
	const e = err as { name?: string; message?: string; inner?: { name?: string }; failures?: { name?: string }[] } | null;
	const name = e?.name === 'BulkError' ? (e.failures?.[0]?.name ?? '') : (e?.inner?.name ?? e?.name ?? '');
	switch (name) {
		case 'QuotaExceededError':
			return 'The browser has no more storage space for Tieout, so nothing was saved. Download a backup, then free space (other sites’ data, or old records) and try again.';
		case 'VersionError':
			return 'This workbook was saved by a newer version of Tieout. Reload the page to get the newer version; your data is untouched.';
		case 'DatabaseClosedError':
			return 'The workbook is closed (another tab is upgrading it, or the browser closed it). Reload the page; nothing was saved.';
		case 'InvalidStateError':
		case 'MissingAPIError':
			return 'This browser does not allow Tieout to store data here (private window or storage disabled). Nothing can be saved.';
		case 'ConstraintError':
			return DUPLICATE;
		case 'AbortError':
			return `The save was interrupted and rolled back; nothing was saved. ${e?.message ?? ''}`.trim();
		default:
			return `Saving failed and nothing was stored: ${e?.message ?? String(err)}`;
	}
}
