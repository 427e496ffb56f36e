import { describe, expect, it } from 'vitest';
import type { PoLine, PurchaseOrder } from '$lib/domain/records';
import { planPoImport, type PoImportPlan, type StoredPos } from './revision';
import { counter, fixture, importPoBytes } from './test-helpers';

const ctx = (fileName: string) => ({ fileName, today: '2027-02-10', idGen: counter('rev') });

/** Apply a plan to an in-memory store as the lead's transaction would. */
function apply(store: StoredPos, plan: PoImportPlan): StoredPos {
	const pos = new Map<string, PurchaseOrder>(store.purchaseOrders.map((p) => [p.id, p]));
	const lines = new Map<string, PoLine>(store.poLines.map((l) => [l.id, l]));
	for (const p of plan.write.put.purchaseOrders) pos.set(p.id, p);
	for (const l of plan.write.put.poLines) lines.set(l.id, l);
	for (const id of plan.write.delete.poLines) lines.delete(id);
	return { purchaseOrders: [...pos.values()], poLines: [...lines.values()] };
}

const importFile = (name: string, store: StoredPos) => {
	const { pos, mapped } = importPoBytes(fixture(name), name, { idGen: counter(name) });
	return planPoImport(pos, mapped, store, ctx(name));
};

const empty: StoredPos = { purchaseOrders: [], poLines: [] };

describe('PO re-import as a revision', () => {
	it('a new PO is written whole, with a revision record saying where it came from', () => {
		const plan = importFile('po-original.csv', empty);
		expect(plan.changed).toBe(true);
		expect(plan.pos.map((p) => p.status)).toEqual(['new']);
		expect(plan.write.put.purchaseOrders).toHaveLength(1);
		expect(plan.write.put.poLines.map((l) => l.lineNo)).toEqual([1, 2, 3]);
		expect(plan.write.delete.poLines).toEqual([]);
		expect(plan.write.revisions).toEqual([
			{ id: 'rev1', poId: plan.write.put.purchaseOrders[0]!.id, revision: 0, appliedOn: '2027-02-10', summary: 'Imported from po-original.csv as revision 0 with 3 lines' }
		]);
	});

	it('importing the same file twice changes nothing: an empty plan', () => {
		const store = apply(empty, importFile('po-original.csv', empty));
		const again = importFile('po-original.csv', store);
		expect(again.changed).toBe(false);
		expect(again.pos.map((p) => p.status)).toEqual(['unchanged']);
		expect(again.write).toEqual({ put: { purchaseOrders: [], poLines: [] }, delete: { poLines: [] }, revisions: [] });
	});

	it('a revised file gives exactly the changed, added and removed lines, keeps ids and bumps the revision', () => {
		const store = apply(empty, importFile('po-original.csv', empty));
		const oldPo = store.purchaseOrders[0]!;
		const idOf = (n: number) => store.poLines.find((l) => l.lineNo === n)!.id;
		const plan = importFile('po-revised.csv', store);
		const p = plan.pos[0]!;
		expect(p.status).toBe('changed');
		expect(p.revisionFrom).toBe(0);
		expect(p.po.id).toBe(oldPo.id);
		expect(p.po.revision).toBe(1);
		expect(p.headerChanges).toEqual([{ field: 'revision', label: 'revision', from: '0', to: '1' }]);
		expect(p.changed).toEqual([
			{
				lineNo: 1,
				id: idOf(1),
				changes: [
					{ field: 'unitPriceCents', label: 'unit price', from: '$250.00', to: '$275.00' },
					{ field: 'extendedCents', label: 'extended amount', from: '$1,000.00', to: '$1,100.00' }
				]
			}
		]);
		expect(p.added.map((l) => [l.lineNo, l.description, l.poId])).toEqual([[4, 'Belts', oldPo.id]]);
		expect(p.removed.map((l) => [l.lineNo, l.id])).toEqual([[3, idOf(3)]]);
		expect(plan.write.put.poLines.map((l) => l.lineNo)).toEqual([1, 4]);
		expect(plan.write.put.poLines[0]!.id).toBe(idOf(1));
		expect(plan.write.delete.poLines).toEqual([idOf(3)]);
		expect(plan.write.revisions.map((r) => [r.poId, r.revision, r.summary])).toEqual([
			[oldPo.id, 1, 'Revision 1 from po-revised.csv: revision 0 → 1; line 1: unit price $250.00 → $275.00, extended amount $1,000.00 → $1,100.00; added line 4 (Belts); removed line 3 (Trip charge)']
		]);

		const after = apply(store, plan);
		expect(after.poLines.filter((l) => l.poId === oldPo.id).map((l) => l.lineNo).sort()).toEqual([1, 2, 4]);
		expect(importFile('po-revised.csv', after).changed).toBe(false);
	});

	it('a removed line that a task still points at is flagged before applying', () => {
		const store = apply(empty, importFile('po-original.csv', empty));
		const { pos, mapped } = importPoBytes(fixture('po-revised.csv'), 'po-revised.csv');
		const plan = planPoImport(pos, mapped, store, { ...ctx('po-revised.csv'), referencesTo: (po, lineNo) => (lineNo === 3 ? [`task T2 of WO-1 (PO ${po.number})`] : []) });
		expect(plan.pos[0]!.removedInUse).toEqual(['Line 3 of PO PO-3001 is removed but task T2 of WO-1 (PO PO-3001) still points at it']);
	});

	it('fields the file does not map keep their stored values; a file revision above the stored one wins', () => {
		const store = apply(empty, importFile('po-original.csv', empty));
		const { pos } = importPoBytes(fixture('po-revised.csv'), 'po-revised.csv');
		pos[0]!.po.revision = 5;
		pos[0]!.lines[1]!.costCenter = 'SOMETHING ELSE';
		// As if the file had no Cost Center column but a Revision column.
		const mapped = ['poNumber', 'lineNo', 'description', 'quantity', 'unitPrice', 'extended', 'revision'];
		pos[0]!.given = ['revision'];
		const plan = planPoImport(pos, mapped, store, ctx('x.csv'));
		expect(plan.pos[0]!.po.revision).toBe(5);
		expect(plan.pos[0]!.changed.map((c) => c.lineNo)).toEqual([1]);
		expect(plan.pos[0]!.lines.find((l) => l.lineNo === 2)!.costCenter).toBe('CC-10');
	});

	it('POs are matched per customer: the same number from another buyer is a new PO', () => {
		const store = apply(empty, importFile('po-original.csv', empty));
		const { pos, mapped } = importPoBytes(fixture('po-original.csv'), 'po-original.csv');
		for (const p of pos) p.po.customerId = 'c2';
		expect(planPoImport(pos, mapped, store, ctx('b.csv')).pos.map((p) => p.status)).toEqual(['new']);
	});
});
