import { describe, expect, it } from 'vitest';
import { bumpGeneration, readGeneration } from '$lib/db/generation';
import { readStartCopy, startCopyKey, writeStartCopy } from './start-copy';

function memory() {
	const m = new Map<string, string>();
	return { m, storage: { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) } };
}

const tables = { customers: [{ id: 'c1', name: 'Acme' }], poLines: [{ id: 'l1' }, { id: 'l2' }] };

/** A workbook 'wb' with a generation and `tables` kept as its start copy at it. */
function kept() {
	const { m, storage } = memory();
	bumpGeneration('wb', storage);
	const gen = readGeneration('wb', storage)!;
	expect(writeStartCopy('wb', gen, tables, storage)).toBe(true);
	return { m, storage, gen };
}

describe('the start copy', () => {
	it('is read back while the workbook’s generation is the one it was taken at', () => {
		const { storage } = kept();
		expect(readStartCopy('wb', storage)).toEqual(tables);
		expect(readStartCopy('other', storage)).toBeNull();
	});

	it('is not read once anything was written since, or with no generation at all', () => {
		const { m, storage } = kept();
		bumpGeneration('wb', storage);
		expect(readStartCopy('wb', storage)).toBeNull();
		writeStartCopy('wb', readGeneration('wb', storage)!, tables, storage);
		m.delete('tieout:generation:wb');
		expect(readStartCopy('wb', storage)).toBeNull();
	});

	it('too big for its share of localStorage, is not kept, and the older copy goes too', () => {
		const { m, storage, gen } = kept();
		const big = { poLines: Array.from({ length: 50 }, (_, i) => ({ id: `line-${i}` })) };
		expect(writeStartCopy('wb', gen, big, storage, 500)).toBe(false);
		expect(m.has(startCopyKey('wb'))).toBe(false);
		expect(readStartCopy('wb', storage)).toBeNull();
	});

	it('refused by a full storage, leaves no older copy behind', () => {
		const { m, storage, gen } = kept();
		const full = {
			...storage,
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			}
		};
		expect(writeStartCopy('wb', gen, { customers: [] }, full)).toBe(false);
		expect(m.has(startCopyKey('wb'))).toBe(false);
	});

	it('damaged, of another format or taken under another schema version, is not read', () => {
		const { m, storage, gen } = kept();
		const original = JSON.parse(m.get(startCopyKey('wb'))!);
		m.set(startCopyKey('wb'), '{"v":1,"gen":');
		expect(readStartCopy('wb', storage)).toBeNull();
		m.set(startCopyKey('wb'), JSON.stringify({ v: 2, gen, tables }));
		expect(readStartCopy('wb', storage)).toBeNull();
		// Taken under an older schema: an upgrade may have reshaped the records since.
		m.set(startCopyKey('wb'), JSON.stringify({ ...original, schema: original.schema - 1 }));
		expect(readStartCopy('wb', storage)).toBeNull();
		m.set(startCopyKey('wb'), JSON.stringify(original));
		expect(readStartCopy('wb', storage)).toEqual(tables);
	});
});
