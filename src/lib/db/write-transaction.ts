import type { Dexie, Table, Transaction } from 'dexie';
import { TransactionFailed } from './storage-failure';

/**
 * `db.transaction('rw', …)` that, when it fails, keeps the error IndexedDB gave the transaction.
 * On a full disk Chromium aborts the transaction with the reason on `transaction.error`
 * ("IO error: … FILE_ERROR_NO_SPACE") while every pending request, and so the error Dexie
 * rejects with, says only "AbortError". A transaction this code aborted itself (a refused
 * record, thrown from `scope`) has no such error, and its refusal passes through unchanged.
 */
export async function writeTransaction<T>(db: Dexie, tables: Table[], scope: () => Promise<T>): Promise<T> {
	let tx: Transaction | undefined;
	try {
		// An async function, so Dexie keeps the transaction across every await inside it.
		return await db.transaction('rw', tables, async (t) => {
			tx = t;
			return scope();
		});
	} catch (err) {
		const reason = (tx as { idbtrans?: IDBTransaction | null } | undefined)?.idbtrans?.error;
		throw reason ? new TransactionFailed(err, reason) : err;
	}
}
