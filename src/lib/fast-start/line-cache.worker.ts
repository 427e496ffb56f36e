/// <reference lib="webworker" />
// Reads and writes the fast-start copies of the line tables in the origin private file system,
// off the page's thread (line-store.ts is the page's side). Synchronous access handles exist
// only in workers, and they read a 25 MB file straight from disk: IndexedDB handed the same
// bytes over in 0.5 s on an idle page and 1.2–1.7 s beside the app's start-up.
import { encodeLineFile } from './line-file';
import type { LineStoreReply, LineStoreRequest } from './line-store';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const fileName = (table: string) => `${table}.lines`;
const TEMP = '.tmp';

/** A file handle with the parts of the API that TypeScript's library does not describe yet. */
interface Movable {
	move(name: string): Promise<void>;
	createSyncAccessHandle(options?: { mode: 'read-only' | 'readwrite' }): Promise<FileSystemSyncAccessHandle>;
}

const isNamed = (err: unknown, name: string) => err instanceof DOMException && err.name === name;

async function folder(dir: string, create: boolean): Promise<FileSystemDirectoryHandle | null> {
	try {
		return await (await navigator.storage.getDirectory()).getDirectoryHandle(dir, { create });
	} catch (err) {
		if (isNamed(err, 'NotFoundError')) return null;
		throw err;
	}
}

/** Another tab may hold the file for a moment (reading it, or writing its own copy): try again. */
async function retry<T>(what: () => Promise<T>): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await what();
		} catch (err) {
			if (attempt >= 5 || !isNamed(err, 'NoModificationAllowedError')) throw err;
			await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
		}
	}
}

async function read(dir: string, table: string): Promise<ArrayBuffer | null> {
	const d = await folder(dir, false);
	if (!d) return null;
	let handle: FileSystemFileHandle;
	try {
		handle = await d.getFileHandle(fileName(table));
	} catch (err) {
		if (isNamed(err, 'NotFoundError')) return null;
		throw err;
	}
	// Read-only handles share the file with other readers (Chromium 121+; older ones lock it).
	const access = await retry(() => (handle as unknown as Movable).createSyncAccessHandle({ mode: 'read-only' }));
	try {
		const size = access.getSize();
		const buf = new ArrayBuffer(size);
		return access.read(new Uint8Array(buf), { at: 0 }) === size ? buf : null;
	} finally {
		access.close();
	}
}

/** Written beside the copy, then moved over it: a reader never meets half a file. */
async function write(dir: string, table: string, chunks: string[], savedAt: number): Promise<void> {
	const bytes = encodeLineFile(chunks, savedAt);
	const d = (await folder(dir, true))!;
	await sweep(d);
	const temp = `${fileName(table)}.${crypto.randomUUID()}${TEMP}`;
	const handle = await d.getFileHandle(temp, { create: true });
	try {
		const access = await (handle as unknown as Movable).createSyncAccessHandle();
		try {
			access.truncate(0);
			if (access.write(bytes, { at: 0 }) !== bytes.length) throw new DOMException('The copy was not written whole', 'QuotaExceededError');
			access.flush();
		} finally {
			access.close();
		}
		await retry(() => (handle as unknown as Movable).move(fileName(table)));
	} catch (err) {
		await d.removeEntry(temp).catch(() => {});
		throw err;
	}
}

/** Temporary files left by a tab that closed mid-write. One another tab is writing is locked, and stays. */
async function sweep(d: FileSystemDirectoryHandle): Promise<void> {
	const names: string[] = [];
	for await (const name of (d as unknown as { keys(): AsyncIterable<string> }).keys()) if (name.endsWith(TEMP)) names.push(name);
	for (const name of names) await d.removeEntry(name).catch(() => {});
}

async function drop(dir: string, table: string): Promise<void> {
	const d = await folder(dir, false);
	await d?.removeEntry(fileName(table)).catch((err) => {
		if (!isNamed(err, 'NotFoundError')) throw err;
	});
}

async function clear(dir: string): Promise<void> {
	await (await navigator.storage.getDirectory()).removeEntry(dir, { recursive: true }).catch((err) => {
		if (!isNamed(err, 'NotFoundError')) throw err;
	});
}

async function answer(req: LineStoreRequest): Promise<LineStoreReply> {
	switch (req.op) {
		case 'read': {
			const file = await read(req.dir, req.table);
			return { id: req.id, ok: true, file };
		}
		case 'write':
			await write(req.dir, req.table, req.chunks, req.savedAt);
			return { id: req.id, ok: true, file: null };
		case 'drop':
			await drop(req.dir, req.table);
			return { id: req.id, ok: true, file: null };
		case 'clear':
			await clear(req.dir);
			return { id: req.id, ok: true, file: null };
	}
}

scope.onmessage = (e: MessageEvent<LineStoreRequest>) => {
	answer(e.data).then(
		(r) => scope.postMessage(r, r.ok && r.file ? [r.file] : []),
		(err) => scope.postMessage({ id: e.data.id, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) } satisfies LineStoreReply)
	);
};
