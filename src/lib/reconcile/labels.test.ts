import { describe, expect, it } from 'vitest';
import { CODE_LABEL } from './labels';
import { FINDING_CODES } from './types';

describe('CODE_LABEL', () => {
	it('names every rule in words, never in a code', () => {
		const codeLike = new RegExp(`\\b(${FINDING_CODES.join('|')})\\b|[A-Z]{2,}_[A-Z]`);
		for (const code of FINDING_CODES) {
			const label = CODE_LABEL[code];
			expect(label.trim(), code).not.toBe('');
			expect(label, code).not.toMatch(codeLike);
			expect(label[0], `${code} reads as a heading`).toBe(label[0]!.toUpperCase());
		}
	});

	it('gives two rules never the same name, so the Exceptions filter tells them apart', () => {
		const labels = FINDING_CODES.map((c) => CODE_LABEL[c].toLowerCase());
		expect(new Set(labels).size).toBe(labels.length);
	});
});
