import { customerNames, type ConvertContext, type ConvertOptions } from '../convert-core';
import { convertInvoices } from '../convert-invoices';
import { convertPos } from '../convert-po';
import { describeChanges, type FieldChange } from '../diff-format';
import type { FieldMapping } from '../mapping';
import type { ParsedTable } from '../parse';
import { refuse, type ImportProblem } from '../problem';
import type { RecordPlan } from '../plan-core';
import { planPoImport } from '../revision';
import { planInvoiceImport } from '../revision-kinds';
import { planJobs } from './plan-jobs';
import { SHOWN_RECORDS, type ImportPlanView, type PlannedRecord, type PlanOutcome, type PlanRequest, type RecordPreview } from './protocol';
import { previewOf } from './record-preview';

/**
 * Whether a record's values go to the review: handle.ts lists records with changes first and at
 * most SHOWN_RECORDS of them, so only those need a preview (a file of 100,000 one-line POs would
 * otherwise format every one).
 */
function previewBudget(): (status: PlannedRecord['status']) => boolean {
	let left = SHOWN_RECORDS;
	return (status) => status !== 'unchanged' && left-- > 0 && status === 'new';
}

const header = (changes: FieldChange[]) => (changes.length ? [describeChanges(changes)] : []);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** A job's or invoice's plan in the review's words; a new one with its values. */
function viewOf<H extends { id: string }, C>(p: RecordPlan<H, C>, title: string, childWord: string, childName: (c: C) => string, preview: (p: RecordPlan<H, C>) => RecordPreview | null): PlannedRecord {
	const values = preview(p);
	return {
		title,
		id: p.record.id,
		status: p.status,
		detail: p.status === 'new' ? `new, ${plural(p.children.length, childWord)}` : p.status === 'unchanged' ? 'no change' : 'changed',
		headerChanges: header(p.headerChanges),
		added: p.added.map(childName),
		changed: p.changed.map((c) => `${childWord} ${c.key}: ${describeChanges(c.changes)}`),
		removed: p.removed.map(childName),
		inUse: [],
		...(values ? { preview: values } : {})
	};
}

/** Converts the table for the request's kind and plans it against what is stored; `progress` hears how far the conversion is. */
export function planTable(table: ParsedTable, fileName: string, req: PlanRequest, idGen: () => string, progress?: (fraction: number) => void): PlanOutcome {
	const ctx: ConvertContext = { fileName, customerId: req.customerId, customers: req.customers, sites: req.sites, nameChoices: req.nameChoices ?? {}, today: req.today, idGen, progress };
	const args = [table, req.mapping as FieldMapping, req.options as ConvertOptions, ctx] as const;
	const names = { customers: req.customers, sites: req.sites };
	const customerName = customerNames(req.customers);
	const shows = previewBudget();
	if (req.kind === 'po') {
		const c = convertPos(...args);
		if (!c.ok) return c;
		const plan = planPoImport(c.groups, c.mapped, { purchaseOrders: req.stored.purchaseOrders ?? [], poLines: req.stored.poLines ?? [] }, {
			fileName,
			today: req.today,
			idGen,
			referencesTo: (po, lineNo) => req.references[`${po.id}|${lineNo}`] ?? []
		});
		// A file naming its buyers may hold two buyers' PO 1001: the title says whose.
		const whose = c.mapped.includes('customer') ? (p: { po: { customerId: string } }) => ` (${customerName(p.po.customerId) ?? ''})` : () => '';
		const records: PlannedRecord[] = plan.pos.map((p) => ({
			title: `PO ${p.number}${whose(p)}`,
			id: p.po.id,
			status: p.status,
			detail: p.status === 'new' ? `new, ${plural(p.lines.length, 'line')}` : p.status === 'unchanged' ? 'no change' : `revision ${p.revisionFrom} → ${p.po.revision}`,
			// The revision is in the title; the other header changes are listed.
			headerChanges: header(p.headerChanges.filter((h) => h.label !== 'revision')),
			added: p.added.map((l) => `line ${l.lineNo}: ${l.description}`),
			changed: p.changed.map((l) => `line ${l.lineNo}: ${describeChanges(l.changes)}`),
			removed: p.removed.map((l) => `line ${l.lineNo}: ${l.description}`),
			inUse: p.removedInUse,
			...(shows(p.status) ? { preview: previewOf('po', c.mapped, p.po, p.lines, names) } : {})
		}));
		return planned(c, records, plan.changed, { put: plan.write.put, remove: { poLines: plan.write.delete.poLines }, revisions: plan.write.revisions });
	}
	if (req.kind === 'workOrder') {
		const c = planJobs(...args, { workOrders: req.stored.workOrders ?? [], tasks: req.stored.tasks ?? [] }, req.badRows ?? 'refuse');
		if (!c.ok) return c;
		const plan = c.plan;
		const records = plan.plans.map((p) => viewOf(p, `Work order ${p.record.number}`, 'task', (t) => `task ${t.code}: ${t.description}`, (p) => (shows(p.status) ? previewOf('workOrder', c.mapped, p.record, p.children, names) : null)));
		const out = planned(c, records, plan.changed, { put: plan.write.put, remove: { tasks: plan.write.delete.tasks }, revisions: [] });
		return c.bad && out.ok ? { ...out, bad: c.bad } : out;
	}
	const c = convertInvoices(...args);
	if (!c.ok) return c;
	const plan = planInvoiceImport(c.groups, c.mapped, { invoices: req.stored.invoices ?? [], invoiceLines: req.stored.invoiceLines ?? [] }, fileName, customerName);
	// A paid or void invoice is not changed by a file any more than by a cell: refused whole, before anything is written.
	const columnOf = (r: (typeof plan.refused)[number]) => (r.statusRefused ? (req.mapping as FieldMapping).status : r.customerRefused ? (req.mapping as FieldMapping).customer : null) || null;
	if (plan.refused.length) return { ok: false, problems: plan.refused.map((r) => refuse(fileName, r.row, columnOf(r), r.message)) };
	const records = plan.plans.map((p) => viewOf(p, `Invoice ${p.record.number}`, 'line', (l) => `line ${l.lineNo}: ${l.description}`, (p) => (shows(p.status) ? previewOf('invoice', c.mapped, p.record, p.children, names) : null)));
	return planned(c, records, plan.changed, { put: plan.write.put, remove: { invoiceLines: plan.write.delete.invoiceLines }, revisions: [] });
}

/** A converted file's plan, as the page and the apply step take it. */
function planned(c: { warnings: ImportProblem[]; mapped: string[] }, records: PlannedRecord[], changed: boolean, write: ImportPlanView['write']): PlanOutcome {
	return { ok: true, warnings: c.warnings, mapped: c.mapped, plan: { changed, records, write } };
}
