import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { classifyStorageError, isConstraintFailure, TransactionFailed } from './storage-failure';
import { RowsRefused } from './named-writes';
import { RecordError } from './errors';
import { DISK_FULL_MESSAGE, QUOTA_MESSAGE } from '$lib/testing/failing-storage';

const dom = (name: string, message = '') => new DOMException(message, name);
const quota = () => dom('QuotaExceededError', QUOTA_MESSAGE);
/** What every pending request of a transaction the browser aborted holds. */
const aborted = () => dom('AbortError', 'The transaction was aborted, so the request cannot be fulfilled.');
/** Dexie's BulkError as bulkPut builds it: each request's error by its position. */
const bulk = (...failures: Error[]) => new Dexie.BulkError(`poLines.bulkPut(): ${failures.length} of 60 operations failed`, Object.fromEntries(failures.map((f, i) => [i * 3, f])));

describe('classifyStorageError: no space, in every shape Dexie 4 and Chromium hand it over', () => {
	it.each([
		['a bare DOMException, as a write throws it', quota()],
		['Dexie’s QuotaExceededError, the DOMException as its inner', new Dexie.QuotaExceededError(quota())],
		['one failure of a BulkError', bulk(quota())],
		['among the AbortErrors of a BulkError', bulk(aborted(), quota(), aborted())],
		// Dexie leaves a ModifyError named "Error"; its failures say why.
		['a failure of a ModifyError', new Dexie.ModifyError('Error modifying one or more objects', [quota()], 0, [])],
		// Chromium checks the quota as the transaction commits: every request succeeded, then Dexie's
		// transaction rejects with AbortError(transaction.error), whose message is the bare name.
		['the inner of Dexie’s AbortError when the commit is refused', new Dexie.AbortError(dom('QuotaExceededError'))],
		['the transaction’s error, the requests saying only AbortError', new TransactionFailed(bulk(aborted(), aborted()), dom('QuotaExceededError'))],
		['the transaction’s error under a single put', new TransactionFailed(aborted(), quota())],
		// Chromium 156 on a full disk (tests/tools/disk-full.mjs): UnknownError on the transaction.
		['Chromium’s IO error on a full disk, on the transaction', new TransactionFailed(bulk(aborted(), aborted(), aborted()), dom('UnknownError', DISK_FULL_MESSAGE))],
		['Firefox’s full disk', dom('UnknownError', 'NS_ERROR_FILE_NO_DEVICE_SPACE')],
		['a row refusal built while the disk filled, under the transaction’s reason', new TransactionFailed(new RowsRefused([0, 1]), quota())],
		['a refusal thrown after the transaction was aborted for space', new TransactionFailed(new RecordError([{ field: '', message: 'x' }], 'Nothing was saved'), dom('UnknownError', DISK_FULL_MESSAGE))]
	])('%s', (_, err) => {
		expect(classifyStorageError(err)).toBe('space');
	});
});

describe('classifyStorageError: the browser’s storage failing inside', () => {
	it.each([
		['Chromium’s backing store that will not open', new Dexie.OpenFailedError(dom('UnknownError', 'Internal error opening backing store for indexedDB.open.'))],
		['the same, once Dexie reports the database closed', new Dexie.DatabaseClosedError(new Dexie.OpenFailedError(dom('UnknownError', 'Internal error opening backing store for indexedDB.open.')))],
		['an UnknownError on a write', dom('UnknownError', 'Internal error.')],
		['an UnknownError on the transaction, under AbortErrors', new TransactionFailed(bulk(aborted()), dom('UnknownError', 'Internal error committing transaction.'))],
		// After an IO error Chromium closes every connection: the next write cannot even start.
		['the connection Chromium closed after an IO error', dom('InvalidStateError', "Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.")]
	])('%s', (_, err) => {
		expect(classifyStorageError(err)).toBe('broken');
	});
});

describe('classifyStorageError: a duplicate only when every failure is a unique index’s refusal', () => {
	it.each([
		['a ConstraintError from a put', dom('ConstraintError', 'Unable to add key to index: at least one key does not satisfy the uniqueness requirements.')],
		['Dexie’s ConstraintError', new Dexie.ConstraintError('Key already exists in the object store.')],
		['a BulkError of ConstraintErrors', bulk(dom('ConstraintError'), new Dexie.ConstraintError(dom('ConstraintError')))],
		['rows a unique index refused', new RowsRefused([3])]
	])('%s is a duplicate', (_, err) => {
		expect(classifyStorageError(err)).toBe('duplicate');
		expect(isConstraintFailure(err)).toBe(true);
	});

	it.each([
		['a BulkError of AbortErrors (an aborted transaction, reason unknown)', bulk(aborted(), aborted())],
		['AbortErrors beside a ConstraintError', bulk(dom('ConstraintError'), aborted())],
		['a bare AbortError', aborted()],
		['Dexie’s AbortError with no reason', new Dexie.AbortError()],
		['a premature commit', new Dexie.PrematureCommitError('Transaction committed too early')]
	])('%s is an interruption, never a duplicate', (_, err) => {
		expect(classifyStorageError(err)).toBe('interrupted');
		expect(isConstraintFailure(err)).toBe(false);
	});
});

describe('classifyStorageError: the other failures', () => {
	it('names a newer workbook, storage turned off, a closed database, and anything else', () => {
		expect(classifyStorageError(new Dexie.VersionError('The requested version (1) is less than the existing version (2).'))).toBe('newer');
		expect(classifyStorageError(new Dexie.MissingAPIError())).toBe('unavailable');
		expect(classifyStorageError(new Dexie.OpenFailedError(dom('InvalidStateError', 'A mutation operation was attempted on a database that did not allow mutations.')))).toBe('unavailable');
		expect(classifyStorageError(new Dexie.DatabaseClosedError())).toBe('closed');
		expect(classifyStorageError(new TypeError('x is undefined'))).toBe('unknown');
		expect(classifyStorageError(null)).toBe('unknown');
		expect(classifyStorageError('a string')).toBe('unknown');
	});
});
