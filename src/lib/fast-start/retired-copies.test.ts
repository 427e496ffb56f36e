import { describe, expect, it } from 'vitest';
import { dropRetiredCopies } from './retired-copies';
import { MemoryStorage } from '$lib/testing/memory-storage';


describe('the copies earlier versions kept', () => {
	it('are removed, start copies and first screens of every workbook and page, and nothing else is', () => {
		const s = new MemoryStorage();
		s.setItem('tieout:start-copy:tieout', '{"v":1}');
		s.setItem('tieout:grid-views:all-po-lines', '{}');
		s.setItem('tieout:start-copy:other', '{"v":1}');
		s.setItem('tieout:first-rows:/customers#customers', '{"v":2}');
		s.setItem('tieout:first-rows:/lines/po-lines#all-po-lines', '{"v":2}');
		s.setItem('tieout:line-frame:tieout', '{"drawing":"d"}');
		s.setItem('tieout:generation:tieout', 'g1');
		s.setItem('tieout:line-journal:tieout:poLines', '{}');
		// Named like a retired copy only past the prefix: kept.
		s.setItem('tieout:first-rowsish', 'x');
		expect(dropRetiredCopies(() => s)).toBe(6);
		expect([...s.map.keys()]).toEqual(['tieout:grid-views:all-po-lines', 'tieout:line-journal:tieout:poLines', 'tieout:first-rowsish']);
		// Once gone, a later start finds nothing to do.
		expect(dropRetiredCopies(() => s)).toBe(0);
	});

	it('leave nothing to do where localStorage cannot be read, and a refused removal is thrown to be shown', () => {
		expect(
			dropRetiredCopies(() => {
				throw new DOMException('denied', 'SecurityError');
			})
		).toBe(0);
		const s = new MemoryStorage();
		s.setItem('tieout:first-rows:/customers#customers', '{}');
		s.refuse = true;
		expect(() => dropRetiredCopies(() => s)).toThrow('refused');
	});
});
