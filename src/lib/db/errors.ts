import type { Problem } from '$lib/domain/result';
import { classifyStorageError, unknownDetail, type StorageFailure } from './storage-failure';

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
 * Why storage failed and what the person can do, for each kind of failure. A download needs no
 * room in the browser's storage, so a backup can still be taken when the space is gone.
 */
const CAUSE: Record<Exclude<StorageFailure, 'duplicate' | 'unknown'>, { why: string; todo: string }> = {
	space: {
		why: 'the browser has no more space for Tieout on this computer',
		todo: 'Free disk space (empty the trash, delete large files you no longer need), then try again. Meanwhile, download a backup from Settings: a download does not need this space.'
	},
	broken: {
		why: 'the browser’s storage for Tieout reported an internal error, most often because the disk is full',
		todo: 'Free disk space, then reload the page and try again. Download a backup from Settings first if it still opens: a download does not need this space.'
	},
	newer: {
		why: 'this workbook was saved by a newer version of Tieout',
		todo: 'Reload the page to get the newer version; your data is untouched.'
	},
	unavailable: {
		why: 'this browser does not let Tieout store data here (a private window, or site data turned off)',
		todo: 'Open Tieout in a normal window, or allow this site to keep data.'
	},
	closed: {
		why: 'the workbook is closed (another tab is upgrading it, or the browser closed it)',
		todo: 'Reload the page and try again.'
	},
	interrupted: {
		why: 'the save was interrupted and taken back',
		todo: 'Try again; if it happens again, reload the page.'
	}
};

function cause(err: unknown): { why: string; todo: string } {
	const kind = classifyStorageError(err);
	if (kind === 'duplicate') return { why: 'a record with the same number already exists', todo: 'Use another number, or change the record that has it.' };
	if (kind === 'unknown') return { why: `the browser refused it (${unknownDetail(err).replace(/\.$/, '')})`, todo: 'Try again; if it happens again, download a backup from Settings and reload the page.' };
	return CAUSE[kind];
}

/**
 * A refusal shown under a grid after the row and column it concerns, which it does not name again.
 */
export function describeCellRefusal(err: unknown): string {
	if (!(err instanceof RecordError)) return describeStorageError(err);
	return `${err.problems.map((p) => p.message).join('; ').replace(/\.$/, '')}. Nothing was saved.`;
}

/**
 * Turn a failed write into a sentence that says nothing was saved, why, and what to do. Every
 * caller shows this to the person; none swallows it. A refused record (invalid, not unique,
 * still referenced) is told as such; a storage failure never is.
 */
export function describeStorageError(err: unknown): string {
	if (err instanceof RecordError) return err.message;
	if (classifyStorageError(err) === 'duplicate') return DUPLICATE;
	const { why, todo } = cause(err);
	return `Nothing was saved: ${why}. ${todo}`;
}

/**
 * A storage failure outside a save of the person's records (opening the workbook, reading, a
 * derived copy), as a clause to follow what the caller says failed.
 */
export function describeStorageProblem(err: unknown): string {
	if (err instanceof RecordError) return err.message;
	const { why, todo } = cause(err);
	return `${why}. ${todo}`;
}
