import { describe, expect, it } from 'vitest';
import { newCustomer, newSite } from '$lib/domain/factories';
import type { ImportKind } from '../fields';
import { suggestMapping } from '../mapping';
import { readTable } from '../read';
import { planTable } from './plan-view';
import { SHOWN_RECORDS, type PlanRequest, type StoredRecords } from './protocol';
import { PREVIEW_CHILDREN } from './record-preview';

const acme = newCustomer('c1', { name: 'Acme Facilities', defaultTerms: 'Net 45' });
const store = newSite('s1', 'c1', { name: 'Store 12' });

function plan(kind: ImportKind, csv: string, stored: StoredRecords = {}) {
	const read = readTable(new TextEncoder().encode(csv), 'f.csv');
	if (!read.ok) throw new Error('unreadable');
	let n = 0;
	const req: PlanRequest = { kind, mapping: suggestMapping(kind, read.table.header), options: { decimal: '.', dateOrder: 'mdy' }, customerId: 'c1', customers: [acme], sites: [store], today: '2027-02-01', stored, references: {} };
	const outcome = planTable(read.table, 'f.csv', req, () => `id${++n}`);
	if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
	return outcome.plan.records;
}

describe('the values of a new record in the review', () => {
	const po = [
		'PO Number,Buyer,PO Date,Terms,Line,Description,Qty,Unit Price,Account,Need By,Notes',
		...Array.from({ length: 7 }, (_, i) => `4500,"Ruiz, Dana",01/05/2027,2/10 Net 30,${i + 1},Part ${i + 1},1.5,"$1,234.50",6100-220,${i === 0 ? '03/12/2027' : ''},`)
	].join('\n');

	it('a new PO shows its mapped header fields and its first lines, formatted as the grids show them', () => {
		const [r] = plan('po', po);
		expect(r!.preview).toEqual({
			facts: [
				{ label: 'Buyer', value: 'Ruiz, Dana' },
				{ label: 'Issue Date', value: 'Jan 5, 2027' },
				{ label: 'Terms', value: '2/10 Net 30' }
			],
			columns: [
				{ label: 'Line', numeric: true },
				{ label: 'Description', numeric: false },
				{ label: 'Quantity', numeric: true },
				{ label: 'Unit Price', numeric: true },
				{ label: 'Cost Center', numeric: false },
				{ label: 'Need By', numeric: false }
			],
			rows: [
				['1', 'Part 1', '1.5', '$1,234.50', '6100-220', 'Mar 12, 2027'],
				...[2, 3, 4, 5].map((i) => [String(i), `Part ${i}`, '1.5', '$1,234.50', '6100-220', ''])
			],
			more: 7 - PREVIEW_CHILDREN
		});
	});

	it('only the new records the review lists are formatted: a file of many POs costs no more than one screen of them', () => {
		const many = ['PO Number,Line,Description,Qty,Unit Price', ...Array.from({ length: SHOWN_RECORDS + 10 }, (_, i) => `P-${i},1,Part,1,1.00`)].join('\n');
		const records = plan('po', many);
		expect(records.map((r) => !!r.preview)).toEqual(records.map((_, i) => i < SHOWN_RECORDS));
	});

	it('a PO already stored shows its changes, not a preview', () => {
		const [first] = plan('po', po);
		const again = plan('po', po, { purchaseOrders: [{ ...newPoStored(first!.id) }], poLines: [] });
		expect(again[0]!.status).toBe('changed');
		expect(again[0]!.preview).toBeUndefined();
	});

	it('a new job shows its customer and site by name, and its tasks with kind, rate and done as the grids write them', () => {
		const [r] = plan('workOrder', ['WO Number,Customer,Site,Status,Task,Description,Kind,Hours,Rate,Done', 'WO-1,Acme Facilities,Store 12,In progress,T1,Diagnose,Labour,1.5,$95.00,yes'].join('\n'));
		expect(r!.preview).toMatchObject({
			facts: [
				{ label: 'Customer', value: 'Acme Facilities' },
				{ label: 'Site', value: 'Store 12' },
				{ label: 'Status', value: 'in progress' }
			],
			rows: [['T1', 'Diagnose', 'labor', '1.5', '$95.00', 'Yes']],
			more: 0
		});
	});

	it('a new invoice shows its lines, a credit as a negative amount', () => {
		const [r] = plan('invoice', ['Invoice #,Invoice Date,Line,Description,Kind,Qty,Rate,WO', 'INV-1,01/20/2027,1,Service call,labor,1,95.00,WO-1', 'INV-1,01/20/2027,2,Goodwill,discount,1,(10.00),'].join('\n'));
		expect(r!.preview!.facts).toEqual([{ label: 'Invoice Date', value: 'Jan 20, 2027' }]);
		expect(r!.preview!.columns.map((c) => c.label)).toEqual(['Line', 'Description', 'Kind', 'Quantity', 'Rate', 'WO Number']);
		expect(r!.preview!.rows).toEqual([
			['1', 'Service call', 'labor', '1', '$95.00', 'WO-1'],
			['2', 'Goodwill', 'discount', '1', '-$10.00', '']
		]);
	});
});

function newPoStored(id: string) {
	return { id, customerId: 'c1', number: '4500', buyer: 'Someone else', issueDate: '2027-01-05', revision: 0, terms: 'Net 30', taxAllowed: false, freightAllowed: false, blanketLimitCents: null };
}
