import { WORK_ORDER_STATUSES, type WorkOrder } from '$lib/domain/records';

/** What a job is found by on a phone: its number, its customer's name and its site's name. */
export interface JobLabels {
	customer: string;
	site: string;
}

const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/**
 * Every word typed must appear in the number, customer or site (any order, any case, accents
 * ignored), so "mercy 18474" finds WO-18474 at Mercy General.
 */
export function jobMatches(query: string, wo: WorkOrder, labels: JobLabels): boolean {
	const words = fold(query).split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const haystack = fold(`${wo.number} ${labels.customer} ${labels.site}`);
	return words.every((w) => haystack.includes(w));
}

/** On site the jobs still to do come first (in progress, then open), each group by number. */
export function jobsFound(jobs: readonly WorkOrder[], query: string, labelsOf: (wo: WorkOrder) => JobLabels): WorkOrder[] {
	const rank = (w: WorkOrder) => (w.status === 'in_progress' ? -1 : WORK_ORDER_STATUSES.indexOf(w.status));
	return jobs
		.filter((w) => jobMatches(query, w, labelsOf(w)))
		.sort((a, b) => rank(a) - rank(b) || a.number.localeCompare(b.number, 'en', { numeric: true }));
}
