import type { FindingCode, Severity } from './types';

/** The severity of each code when it is beyond tolerance (docs/domain.md, the reconciliation table). */
export const CODE_SEVERITY: Readonly<Record<FindingCode, Severity>> = {
	LINE_UNBACKED: 'error',
	TICKET_NOT_COMPLETE: 'error',
	PO_MISSING: 'error',
	PO_LINE_UNMATCHED: 'error',
	OVER_PO_QTY: 'error',
	PRICE_MISMATCH: 'error',
	UNIT_MISMATCH: 'error',
	OVER_PO_TOTAL: 'error',
	OVER_NTE: 'error',
	QTY_OVER_PERFORMED: 'warning',
	DUPLICATE_BILLING: 'error',
	WARRANTY_BILLED: 'error',
	INTERNAL_BILLED: 'error',
	TAX_NOT_ALLOWED: 'error',
	FREIGHT_NOT_ALLOWED: 'error',
	CHANGE_UNAPPROVED: 'error',
	ITEM_CODE_MISMATCH: 'warning',
	COST_CENTER_MISMATCH: 'warning',
	TERMS_MISMATCH: 'warning',
	TICKET_OPEN_AFTER_BILLING: 'warning',
	UNBILLED_COMPLETE_WORK: 'info',
	STALE_TICKET: 'info',
	TASK_OVER_PO: 'warning',
	PO_UNKNOWN: 'warning'
};
