import { describe, expect, it } from 'vitest';
import { progressText, timeLeft } from './time-left';

describe('time left in an import phase', () => {
	it('says nothing while the rate is unknown: under a second in, or under 2% done, or finished', () => {
		expect(timeLeft(0, 900, 0.5)).toBeNull();
		expect(timeLeft(0, 10_000, 0.01)).toBeNull();
		expect(timeLeft(0, 10_000, 1)).toBeNull();
	});

	it('projects the rate so far onto what is left, rounded as a person would say it', () => {
		// 10 s for a quarter: 30 s to go.
		expect(timeLeft(0, 10_000, 0.25)).toBe('about 30 s left');
		// 30 s for a fifth: 120 s to go.
		expect(timeLeft(0, 30_000, 0.2)).toBe('about 2 min left');
		expect(timeLeft(0, 9_000, 0.9)).toBe('a few seconds left');
		expect(timeLeft(5_000, 12_000, 0.5)).toBe('about 5 s left');
	});

	it('writes the percentage down, never up, so 100% means done, with the time left once known', () => {
		expect(progressText(0, 500, 0.999)).toBe('99%');
		expect(progressText(0, 10_000, 0.25)).toBe('25%, about 30 s left');
		expect(progressText(0, 0, 0)).toBe('0%');
	});
});
