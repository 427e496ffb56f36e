import type { InvoiceLineKind, InvoiceStatus, Priority, TaskKind, WorkOrderStatus, WorkOrderType } from '$lib/domain/records';

/** How people and other systems write the app's enum values, keyed as enumCell normalises them (lower case, no spaces or underscores). */
export const WO_TYPE_ALIASES: Record<string, WorkOrderType> = { pm: 'preventive', preventivemaintenance: 'preventive', planned: 'preventive', repair: 'corrective', breakfix: 'corrective', reactive: 'corrective', emergencycallout: 'emergency', callback: 'warranty' };
export const WO_STATUS_ALIASES: Record<string, WorkOrderStatus> = { new: 'open', inprogress: 'in_progress', wip: 'in_progress', started: 'in_progress', completed: 'complete', done: 'complete', billed: 'invoiced', canceled: 'cancelled' };
export const PRIORITY_ALIASES: Record<string, Priority> = { medium: 'normal', routine: 'normal', p1: 'urgent', p2: 'high', p3: 'normal', p4: 'low', emergency: 'urgent' };
export const TASK_KIND_ALIASES: Record<string, TaskKind> = { labour: 'labor', hours: 'labor', time: 'labor', materials: 'material', parts: 'material', sub: 'subcontract', subcontractor: 'subcontract', subcontracted: 'subcontract', charge: 'fee' };
export const LINE_KIND_ALIASES: Record<string, InvoiceLineKind> = { ...TASK_KIND_ALIASES, salestax: 'tax', shipping: 'freight', delivery: 'freight', credit: 'discount' };
export const INVOICE_STATUS_ALIASES: Record<string, InvoiceStatus> = { open: 'sent', issued: 'sent', unpaid: 'sent', voided: 'void', cancelled: 'void', canceled: 'void' };
