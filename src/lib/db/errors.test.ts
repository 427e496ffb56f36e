import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { describeCellRefusal, describeStorageError, describeStorageProblem, RecordError } from './errors';
import { RowsRefused } from './named-writes';
import { TransactionFailed } from './storage-failure';
import { DISK_FULL_MESSAGE, NOT_A_REFUSAL, QUOTA_MESSAGE, SPACE } from '$lib/testing/failing-storage';

const dom = (name: string, message = '') => new DOMException(message, name);

describe('describeStorageError', () => {
	it('says nothing was saved, that the space is gone, and to free disk space and download a backup', () => {
		for (const err of [
			dom('QuotaExceededError', QUOTA_MESSAGE),
			new Dexie.AbortError(dom('QuotaExceededError')),
			new TransactionFailed(new Dexie.BulkError('2 of 2 failed', { 0: dom('AbortError'), 1: dom('AbortError') }), dom('UnknownError', DISK_FULL_MESSAGE))
		]) {
			expect(describeStorageError(err)).toBe(SPACE);
		}
	});

	it('tells an internal storage error as such, with what to do, and never as a refusal', () => {
		const text = describeStorageError(new Dexie.OpenFailedError(dom('UnknownError', 'Internal error opening backing store for indexedDB.open.')));
		expect(text).toBe(
			'Nothing was saved: the browser’s storage for Tieout reported an internal error, most often because the disk is full. Free disk space, then reload the page and try again. Download a backup from Settings first if it still opens: a download does not need this space.'
		);
	});

	it('starts every storage failure with "Nothing was saved", gives a reason and a next step, and never reads as a refusal', () => {
		const failures = [
			dom('UnknownError', 'Internal error.'),
			new Dexie.VersionError('newer'),
			new Dexie.MissingAPIError(),
			new Dexie.DatabaseClosedError(),
			new Dexie.BulkError('1 of 2 failed', { 1: dom('AbortError') }),
			new TypeError('x is undefined'),
			null
		];
		for (const err of failures) {
			const text = describeStorageError(err);
			expect(text).toMatch(/^Nothing was saved: [^.]+\. [A-Z].+\.$/);
			expect(text).not.toMatch(NOT_A_REFUSAL);
			expect(text).not.toMatch(/Dexie|Error\b/);
		}
	});

	it('tells a real duplicate as a duplicate', () => {
		const dup = 'That record would duplicate one that already exists (same number), so nothing was saved.';
		expect(describeStorageError(new Dexie.BulkError('1 of 2 failed', { 0: new Dexie.ConstraintError('Key already exists') }))).toBe(dup);
		expect(describeStorageError(new RowsRefused([0]))).toBe(dup);
		expect(describeStorageError(dom('ConstraintError'))).toBe(dup);
	});

	it('passes a refused record through, and quotes an unknown failure rather than leave the sentence empty', () => {
		expect(describeStorageError(new RecordError([{ field: 'number', message: 'is taken' }], 'Work order WO-1'))).toBe('Work order WO-1: is taken');
		expect(describeStorageError(new Error('disk on fire'))).toBe(
			'Nothing was saved: the browser refused it (disk on fire). Try again; if it happens again, download a backup from Settings and reload the page.'
		);
	});

	it('tells a cell’s storage failure the same way as any other write', () => {
		expect(describeCellRefusal(dom('QuotaExceededError'))).toBe(SPACE);
	});
});

describe('describeStorageProblem', () => {
	it('gives the reason and the next step as a clause, for what is not a save of records', () => {
		expect(`Could not save the fast-start copy: ${describeStorageProblem(dom('QuotaExceededError'))}`).toBe(
			'Could not save the fast-start copy: the browser has no more space for Tieout on this computer. Free disk space (empty the trash, delete large files you no longer need), then try again. Meanwhile, download a backup from Settings: a download does not need this space.'
		);
	});
});
