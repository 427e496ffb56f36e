import type { WorkOrderStatus } from '../../domain/records';

/** Work that is finished: may be billed (with sign-off), and counts as unbilled if it is not. */
export const DONE_STATUSES: ReadonlySet<WorkOrderStatus> = new Set(['complete', 'invoiced', 'closed']);
/** Work still going on: may not be billed yet, and goes stale if it stays so. */
export const OPEN_STATUSES: ReadonlySet<WorkOrderStatus> = new Set(['open', 'in_progress']);
