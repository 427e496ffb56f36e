import { describe, expect, it } from 'vitest';
import { workOrder } from '$lib/testing/builders';
import { jobMatches, jobsFound } from './job-search';

const labels = { customer: 'Mercy General Hospital', site: 'Main Hospital: Loading Dock' };

describe('jobMatches', () => {
	it('finds a job by part of its number, customer or site, ignoring case', () => {
		const wo = workOrder({ number: 'WO-18474' });
		expect(jobMatches('18474', wo, labels)).toBe(true);
		expect(jobMatches('mercy', wo, labels)).toBe(true);
		expect(jobMatches('LOADING', wo, labels)).toBe(true);
		expect(jobMatches('harbor', wo, labels)).toBe(false);
	});

	it('needs every word typed, in any order and across fields', () => {
		const wo = workOrder({ number: 'WO-18474' });
		expect(jobMatches('dock 18474', wo, labels)).toBe(true);
		expect(jobMatches('dock 18475', wo, labels)).toBe(false);
	});

	it('ignores accents and blank queries', () => {
		const wo = workOrder({ number: 'WO-1' });
		expect(jobMatches('  ', wo, labels)).toBe(true);
		expect(jobMatches('creperie', wo, { customer: 'Crêperie Nantaise', site: '' })).toBe(true);
	});
});

describe('jobsFound', () => {
	it('lists jobs in progress first, then open, then the rest, each by number', () => {
		const jobs = [
			workOrder({ number: 'WO-10', status: 'closed' }),
			workOrder({ number: 'WO-9', status: 'open' }),
			workOrder({ number: 'WO-11', status: 'in_progress' }),
			workOrder({ number: 'WO-2', status: 'open' })
		];
		const found = jobsFound(jobs, '', () => labels);
		expect(found.map((w) => w.number)).toEqual(['WO-11', 'WO-2', 'WO-9', 'WO-10']);
	});

	it('keeps only the matches', () => {
		const jobs = [workOrder({ number: 'WO-1' }), workOrder({ number: 'WO-2' })];
		expect(jobsFound(jobs, 'wo-2', () => labels).map((w) => w.number)).toEqual(['WO-2']);
	});
});
