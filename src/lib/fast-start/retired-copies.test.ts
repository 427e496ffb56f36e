import { describe, expect, it } from 'vitest';
import { dropRetiredStartCopies } from './retired-copies';
import { MemoryStorage } from '$lib/testing/memory-storage';


describe('the start copies earlier versions kept', () => {
	it('are removed, of every workbook, and nothing else is', () => {
		const s = new MemoryStorage();
		s.setItem('tieout:start-copy:tieout', '{"v":1}');
		s.setItem('tieout:generation:tieout', 'g1');
		s.setItem('tieout:start-copy:other', '{"v":1}');
		s.setItem('tieout:first-rows:/customers#customers', '{}');
		s.setItem('tieout:line-journal:tieout', '{}');
		expect(dropRetiredStartCopies(() => s)).toBe(2);
		expect([...s.map.keys()]).toEqual(['tieout:generation:tieout', 'tieout:first-rows:/customers#customers', 'tieout:line-journal:tieout']);
		// Once gone, a later start finds nothing to do.
		expect(dropRetiredStartCopies(() => s)).toBe(0);
	});

	it('leave nothing to do where localStorage cannot be read, and a refused removal is thrown to be shown', () => {
		expect(
			dropRetiredStartCopies(() => {
				throw new DOMException('denied', 'SecurityError');
			})
		).toBe(0);
		const s = new MemoryStorage();
		s.setItem('tieout:start-copy:tieout', '{}');
		s.refuse = true;
		expect(() => dropRetiredStartCopies(() => s)).toThrow('refused');
	});
});
