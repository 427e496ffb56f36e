import { describe, expect, it } from 'vitest';
import { CustomerNameIndex, rowsText } from '$lib/domain/customer-names';
import { newCustomer, newPoLine, newPurchaseOrder } from '$lib/domain/factories';
import { answer, plannedWrite } from './worker/handle';
import type { PlanRequest, PlanSummaryOutcome, StoredRecords, WorkerResponse } from './worker/protocol';
import { describeProblem } from './problem';
import { suggestMapping } from './mapping';
import { fixture } from './test-helpers';

/** The multi-buyer PO log through the import worker, as the wizard drives it. */
const FILE = 'po-log-multi-buyer.csv';
const harbor = newCustomer('h', { name: 'Harbor Point Property Management LLC', defaultTerms: 'Net 30' });
const bayview = newCustomer('b', { name: 'Bayview Retail Partners', defaultTerms: 'Net 15' });
const acme = newCustomer('a', { name: 'Acme Facilities' });

function ask(req: Parameters<typeof answer>[0]): WorkerResponse {
	const [r] = answer(req, () => {});
	return r!;
}

function read() {
	const r = ask({ type: 'read', id: 1, bytes: fixture(FILE).slice().buffer as ArrayBuffer, fileName: FILE, chosen: {} });
	if (r.type !== 'read' || !r.ok) throw new Error('expected the file read');
	return suggestMapping('po', r.summary.header);
}

function plan(req: Partial<PlanRequest>): PlanSummaryOutcome {
	const r = ask({ type: 'plan', id: 2, kind: 'po', mapping: read(), options: { decimal: '.', dateOrder: 'mdy' }, customerId: null, customers: [harbor, bayview], sites: [], today: '2027-02-01', stored: {}, references: {}, ...req });
	if (r.type !== 'plan') throw new Error(r.type === 'failed' ? r.error : 'expected a plan');
	return r.outcome;
}

/** What the last plan would store, as the worker holds it for the write. */
function taken(): StoredRecords {
	const w = plannedWrite();
	if (!w) throw new Error('expected the writes');
	// Replaced records, then new ones, per table.
	const out: Record<string, unknown[]> = {};
	for (const part of [w.put, w.add ?? {}]) for (const [t, rows] of Object.entries(part)) (out[t] ??= []).push(...(rows as unknown[]));
	return out as StoredRecords;
}

/** Every PO the plan writes, as [number, customer, lines]. */
function written(outcome: PlanSummaryOutcome): [string, string, string[]][] {
	if (!outcome.ok) throw new Error(outcome.problems.map(describeProblem).join('\n'));
	const t = taken();
	const lines = t.poLines ?? [];
	return (t.purchaseOrders ?? []).map((po) => [po.number, po.customerId, lines.filter((l) => l.poId === po.id).map((l) => l.description)]);
}

describe('CSV corpus: a PO log naming several buyers (issue 20, regression: every PO filed under the one customer chosen)', () => {
	it('maps the Customer column, and lists the name that matches no customer with its rows', () => {
		expect(read().customer).toBe('Customer');
		expect(read().buyer).toBe('Buyer');
		const names = ask({ type: 'names', id: 4, column: 'Customer' });
		if (names.type !== 'names') throw new Error('expected the names');
		const index = new CustomerNameIndex([harbor, bayview]);
		expect(names.names.map((n) => [n.name, rowsText(n.ranges, n.more), index.match(n.name)])).toEqual([
			['Harbor Point Property Management LLC', 'rows 2–3, 7', { kind: 'one', id: 'h' }],
			['Bayview Retail Partners', 'rows 4, 8–9', { kind: 'one', id: 'b' }],
			['Acme Facilities Inc.', 'rows 5–6, 10', { kind: 'none' }]
		]);
	});

	it('refuses the whole file while a name is nobody’s, naming it once at its first row, even with a customer chosen', () => {
		const outcome = plan({ customerId: 'h' });
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.problems.map(describeProblem)).toEqual([`${FILE}, row 5, column "Customer": PO 7710: no customer is named "Acme Facilities Inc."; add it in the wizard or fix the name`]);
	});

	it('files each PO under the customer its rows name; the two buyers’ PO 2040 are two POs', () => {
		const outcome = plan({ customers: [harbor, bayview, { ...acme, otherNames: ['ACME FACILITIES, INC.'] }] });
		expect(written(outcome)).toEqual([
			['2040', 'h', ['Chiller inspection', 'Condenser coil clean']],
			['2040', 'b', ['Storefront door closer']],
			['7710', 'a', ['Roof drain clearing', 'Gutter guard']],
			['2041', 'h', ['Tower B pump seal']],
			['2042', 'b', ['Lighting retrofit', 'Lift rental']],
			['7711', 'a', ['Emergency call-out']]
		]);
		if (!outcome.ok) return;
		expect(outcome.plan.counts).toMatchObject({ total: 6, new: 6, changed: 0 });
		expect(outcome.plan.records.map((r) => r.title)).toContain('PO 2040 (Bayview Retail Partners)');
		expect(outcome.plan.records.map((r) => r.title)).toContain('PO 2040 (Harbor Point Property Management LLC)');
	});

	it('a name settled in the wizard for this file (nameChoices) counts as that customer; each PO takes its own customer’s terms', () => {
		const outcome = plan({ customers: [harbor, bayview, acme], nameChoices: { acmefacilitiesinc: 'a' } });
		expect(written(outcome).map(([n, c]) => `${n}/${c}`)).toEqual(['2040/h', '2040/b', '7710/a', '2041/h', '2042/b', '7711/a']);
		expect(taken().purchaseOrders?.map((p) => p.terms)).toEqual(['Net 30', 'Net 15', 'Net 30', 'Net 30', 'Net 15', 'Net 30']);
	});

	it('diffs each PO against the stored PO of its own customer: Harbor’s 2040 is revised, Bayview’s 2040 is unchanged', () => {
		const hpo = newPurchaseOrder('hpo', 'h', '2040', '2027-01-11', { buyer: 'Dana Ruiz' });
		const bpo = newPurchaseOrder('bpo', 'b', '2040', '2027-01-12', { buyer: 'Sam Oduya' });
		const stored = {
			purchaseOrders: [hpo, bpo],
			poLines: [
				newPoLine('h1', 'hpo', 1, { description: 'Chiller inspection', qtyMilli: 1000, unitPriceCents: 80000, extendedCents: 80000 }),
				newPoLine('h2', 'hpo', 2, { description: 'Condenser coil clean', qtyMilli: 2000, unitPriceCents: 32500, extendedCents: 65000 }),
				newPoLine('h3', 'hpo', 3, { description: 'Trip charge' }),
				newPoLine('b1', 'bpo', 1, { description: 'Storefront door closer', qtyMilli: 1000, unitPriceCents: 41000, extendedCents: 41000 })
			]
		};
		const outcome = plan({ customers: [harbor, bayview, acme], nameChoices: { acmefacilitiesinc: 'a' }, stored, references: { 'hpo|3': ['task T3 of WO-9'] } });
		if (!outcome.ok) throw new Error(outcome.problems.map(describeProblem).join('\n'));
		const byTitle = new Map(outcome.plan.records.map((r) => [r.title, r]));
		expect(byTitle.get('PO 2040 (Harbor Point Property Management LLC)')).toMatchObject({ id: 'hpo', status: 'changed', detail: 'revision 0 → 1', changed: ['line 1: unit price $800.00 → $850.00, extended amount $800.00 → $850.00'], removed: ['line 3: Trip charge'], inUse: ['Line 3 of PO 2040 is removed but task T3 of WO-9 still points at it'] });
		expect(byTitle.get('PO 2040 (Bayview Retail Partners)')).toMatchObject({ id: 'bpo', status: 'unchanged', removed: [], inUse: [] });
		expect(outcome.plan.counts).toMatchObject({ total: 6, new: 4, changed: 1, unchanged: 1 });
	});
});

describe('the Customer column of each kind', () => {
	it('is found by its usual headers, for POs too, and never by a header that merely starts like one', () => {
		for (const h of ['Customer', 'Customer Name', 'Client', 'Company', 'Buyer Company', 'Bill To', 'Sold To', 'Kunde']) {
			for (const kind of ['po', 'workOrder', 'invoice'] as const) expect(suggestMapping(kind, ['PO Number', h]).customer, `${kind}: ${h}`).toBe(h);
		}
		// The PO's Buyer stays the person who bought; the company is the customer.
		expect(suggestMapping('po', ['Buyer', 'Buyer Company'])).toMatchObject({ buyer: 'Buyer', customer: 'Buyer Company' });
		for (const h of ['Customer PO', 'Company Code', 'Client ID']) expect(suggestMapping('po', ['PO Number', h]).customer, h).toBeUndefined();
	});

	it('a job or invoice goes to the customer its row names, by a remembered name too; a name two customers answer to is refused, not guessed', () => {
		const bytes = new TextEncoder().encode('WO,Customer,Task,Description\nWO-1,HARBOR PT MGMT,T1,Filters\nWO-2,bayview retail partners,T1,Door\nWO-3,Harbor Point,T1,Belts\n');
		const r = ask({ type: 'read', id: 6, bytes: bytes.buffer as ArrayBuffer, fileName: 'jobs.csv', chosen: {} });
		if (r.type !== 'read' || !r.ok) throw new Error('expected the file read');
		const base = { id: 7, kind: 'workOrder' as const, mapping: suggestMapping('workOrder', r.summary.header), options: { decimal: '.' as const, dateOrder: 'mdy' as const }, customerId: null, sites: [], today: '2027-02-01', stored: {}, references: {} };
		const customers = [{ ...harbor, otherNames: ['Harbor Pt. Mgmt', 'Harbor Point'] }, bayview, newCustomer('x', { name: 'Harbor Point' })];
		const refused = ask({ type: 'plan', ...base, customers });
		if (refused.type !== 'plan' || refused.outcome.ok) throw new Error('expected a refusal');
		expect(refused.outcome.problems.map(describeProblem)).toEqual(['jobs.csv, row 4, column "Customer": Work order WO-3: "Harbor Point" could be Harbor Point Property Management LLC or Harbor Point; choose which in the wizard']);
		const planned = ask({ type: 'plan', ...base, customers, nameChoices: { harborpoint: 'x' } });
		if (planned.type !== 'plan' || !planned.outcome.ok) throw new Error('expected a plan');
		expect(taken().workOrders?.map((w) => [w.number, w.customerId])).toEqual([['WO-1', 'h'], ['WO-2', 'b'], ['WO-3', 'x']]);
	});
});
