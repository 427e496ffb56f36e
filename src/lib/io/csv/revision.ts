import type { LocalDate } from '$lib/domain/dates';
import { lineAmount } from '$lib/domain/quantity';
import type { Id, IdGen, PoLine, PurchaseOrder } from '$lib/domain/records';
import type { ImportedPo } from './convert-po';
import { changesBetween, describeChanges, type Compared, type FieldChange } from './diff-format';

/** The shape of the stored PoRevision record (src/lib/db/database.ts); io does not import the database. */
export interface PoRevisionRecord {
	id: Id;
	poId: Id;
	revision: number;
	appliedOn: LocalDate;
	summary: string;
}

export interface LineChange {
	lineNo: number;
	id: Id;
	changes: FieldChange[];
}

export interface PoPlan {
	number: string;
	status: 'new' | 'changed' | 'unchanged';
	/** The PO as it will be stored: a matched PO keeps its id. */
	po: PurchaseOrder;
	/** Every line as it will be stored, matched lines keeping their ids. */
	lines: PoLine[];
	/** The stored revision, null for a new PO. */
	revisionFrom: number | null;
	headerChanges: FieldChange[];
	added: PoLine[];
	changed: LineChange[];
	removed: PoLine[];
	/** Removed lines other records still point at (a task authorised by the line): shown before applying. */
	removedInUse: string[];
	summary: string;
}

export interface PoImportPlan {
	pos: PoPlan[];
	/** False when applying would write nothing: the same file imported again. */
	changed: boolean;
	/** What to write, all in one transaction. */
	write: {
		put: { purchaseOrders: PurchaseOrder[]; poLines: PoLine[] };
		delete: { poLines: Id[] };
		revisions: PoRevisionRecord[];
	};
}

export interface PlanContext {
	fileName: string;
	today: LocalDate;
	idGen: IdGen;
	/** What still points at a PO line (e.g. `task T2 of WO-18472`), so removing it can be flagged. */
	referencesTo?: (po: PurchaseOrder, lineNo: number) => string[];
}

export interface StoredPos {
	purchaseOrders: readonly PurchaseOrder[];
	poLines: readonly PoLine[];
}

const HEADER_FIELDS: readonly (Compared<PurchaseOrder> & { key: string })[] = [
	{ key: 'buyer', field: 'buyer', label: 'buyer', as: 'text' },
	{ key: 'issueDate', field: 'issueDate', label: 'issue date', as: 'date' },
	{ key: 'terms', field: 'terms', label: 'terms', as: 'text' },
	{ key: 'taxAllowed', field: 'taxAllowed', label: 'tax allowed', as: 'boolean' },
	{ key: 'freightAllowed', field: 'freightAllowed', label: 'freight allowed', as: 'boolean' },
	{ key: 'blanketLimit', field: 'blanketLimitCents', label: 'blanket limit', as: 'moneyOrNone' }
];

const LINE_FIELDS: readonly (Compared<PoLine> & { key: string })[] = [
	{ key: 'buyerItemCode', field: 'buyerItemCode', label: 'item code', as: 'text' },
	{ key: 'description', field: 'description', label: 'description', as: 'text' },
	{ key: 'quantity', field: 'qtyMilli', label: 'quantity', as: 'quantity' },
	{ key: 'unit', field: 'unit', label: 'unit', as: 'text' },
	{ key: 'unitPrice', field: 'unitPriceCents', label: 'unit price', as: 'money' },
	{ key: 'extended', field: 'extendedCents', label: 'extended amount', as: 'money' },
	{ key: 'costCenter', field: 'costCenter', label: 'cost center', as: 'text' },
	{ key: 'needBy', field: 'needBy', label: 'need-by', as: 'date' }
];

/** A stored line updated by a file line: only the fields the file maps change. */
function updatedLine(stored: PoLine, file: PoLine, mapped: ReadonlySet<string>): PoLine {
	const next: PoLine = { ...stored };
	for (const f of LINE_FIELDS) if (mapped.has(f.key)) (next as unknown as Record<string, unknown>)[f.field] = file[f.field];
	if (!mapped.has('extended') && (next.qtyMilli !== stored.qtyMilli || next.unitPriceCents !== stored.unitPriceCents)) {
		next.extendedCents = lineAmount(next.qtyMilli, next.unitPriceCents);
	}
	return next;
}

const lineName = (l: PoLine) => `line ${l.lineNo} (${l.description})`;

function summaryOf(p: Omit<PoPlan, 'summary'>, fileName: string): string {
	if (p.status === 'new') return `Imported from ${fileName} as revision ${p.po.revision} with ${p.lines.length} line${p.lines.length === 1 ? '' : 's'}`;
	if (p.status === 'unchanged') return `No change from ${fileName}`;
	const parts = [
		...(p.headerChanges.length ? [describeChanges(p.headerChanges)] : []),
		...p.changed.map((c) => `line ${c.lineNo}: ${describeChanges(c.changes)}`),
		...p.added.map((l) => `added ${lineName(l)}`),
		...p.removed.map((l) => `removed ${lineName(l)}`)
	];
	return `Revision ${p.po.revision} from ${fileName}: ${parts.join('; ')}`;
}

/**
 * What importing these POs would do to what is stored: POs matched by customer + PO number,
 * lines by line number. Matched records keep their ids (tasks and invoices point at them); a PO
 * that changed goes up one revision (or to the file's revision when that is higher); an
 * identical file plans nothing. Fields the mapping does not fill keep their stored values.
 */
export function planPoImport(imported: readonly ImportedPo[], mapped: readonly string[], stored: StoredPos, ctx: PlanContext): PoImportPlan {
	const mappedSet = new Set(mapped);
	const storedPo = new Map(stored.purchaseOrders.map((p) => [`${p.customerId}\u0000${p.number}`, p]));
	const linesOf = new Map<Id, PoLine[]>();
	for (const l of stored.poLines) linesOf.set(l.poId, [...(linesOf.get(l.poId) ?? []), l]);
	const pos: PoPlan[] = [];
	const write: PoImportPlan['write'] = { put: { purchaseOrders: [], poLines: [] }, delete: { poLines: [] }, revisions: [] };

	for (const item of imported) {
		const old = storedPo.get(`${item.po.customerId}\u0000${item.po.number}`);
		let plan: Omit<PoPlan, 'summary'>;
		if (!old) {
			plan = { number: item.po.number, status: 'new', po: item.po, lines: item.lines, revisionFrom: null, headerChanges: [], added: item.lines, changed: [], removed: [], removedInUse: [] };
		} else {
			const given = new Set(item.given);
			const head: PurchaseOrder = { ...old };
			for (const f of HEADER_FIELDS) if (given.has(f.key)) (head as unknown as Record<string, unknown>)[f.field] = item.po[f.field];
			const headerChanges = changesBetween(old, head, HEADER_FIELDS);
			const oldLines = linesOf.get(old.id) ?? [];
			const oldByNo = new Map(oldLines.map((l) => [l.lineNo, l]));
			const fileNos = new Set(item.lines.map((l) => l.lineNo));
			const lines: PoLine[] = [];
			const added: PoLine[] = [];
			const changed: LineChange[] = [];
			for (const fileLine of item.lines) {
				const match = oldByNo.get(fileLine.lineNo);
				if (!match) {
					const line = { ...fileLine, poId: old.id };
					added.push(line);
					lines.push(line);
					continue;
				}
				const next = updatedLine(match, fileLine, mappedSet);
				const changes = changesBetween(match, next, LINE_FIELDS);
				if (changes.length) changed.push({ lineNo: match.lineNo, id: match.id, changes });
				lines.push(next);
			}
			const removed = oldLines.filter((l) => !fileNos.has(l.lineNo));
			const removedInUse = removed.flatMap((l) => (ctx.referencesTo?.(old, l.lineNo) ?? []).map((by) => `Line ${l.lineNo} of PO ${old.number} is removed but ${by} still points at it`));
			const content = headerChanges.length + added.length + changed.length + removed.length > 0;
			const fileRev = given.has('revision') ? item.po.revision : null;
			const revision = content ? Math.max(old.revision + 1, fileRev ?? 0) : Math.max(old.revision, fileRev ?? 0);
			head.revision = revision;
			if (revision !== old.revision) headerChanges.push({ field: 'revision', label: 'revision', from: String(old.revision), to: String(revision) });
			const status = headerChanges.length > 0 || content ? 'changed' : 'unchanged';
			plan = { number: old.number, status, po: head, lines, revisionFrom: old.revision, headerChanges, added, changed, removed, removedInUse };
		}
		const summary = summaryOf(plan, ctx.fileName);
		pos.push({ ...plan, summary });
		if (plan.status === 'unchanged') continue;
		write.put.purchaseOrders.push(plan.po);
		const changedIds = new Set(plan.changed.map((c) => c.id));
		write.put.poLines.push(...(plan.status === 'new' ? plan.lines : plan.lines.filter((l) => plan.added.includes(l) || changedIds.has(l.id))));
		write.delete.poLines.push(...plan.removed.map((l) => l.id));
		write.revisions.push({ id: ctx.idGen(), poId: plan.po.id, revision: plan.po.revision, appliedOn: ctx.today, summary });
	}
	return { pos, changed: pos.some((p) => p.status !== 'unchanged'), write };
}
