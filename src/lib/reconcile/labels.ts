import type { FindingCode } from './types';

/**
 * What each rule is called wherever a person reads it (Exceptions headings and filter, pre-flight,
 * notices). The codes themselves stay in `data-findings`, CSV exports and filter values, where
 * tools and tests match them; nobody should have to read `OVER_PO_QTY`.
 */
export const CODE_LABEL: Readonly<Record<FindingCode, string>> = {
	LINE_UNBACKED: 'Line traces to no task',
	TICKET_NOT_COMPLETE: 'Job not complete or signed off',
	PO_MISSING: 'PO number missing or unknown',
	PO_LINE_UNMATCHED: 'Line matches no PO line',
	OVER_PO_QTY: 'Over PO quantity',
	PRICE_MISMATCH: 'Rate differs from PO price',
	UNIT_MISMATCH: 'Billed in another unit than the PO line',
	OVER_PO_TOTAL: 'Over PO total',
	OVER_NTE: 'Over not-to-exceed cap',
	QTY_OVER_PERFORMED: 'Billed more than was done',
	DUPLICATE_BILLING: 'Billed twice',
	WARRANTY_BILLED: 'Warranty work billed',
	INTERNAL_BILLED: 'Internal job billed',
	TAX_NOT_ALLOWED: 'Tax not allowed',
	FREIGHT_NOT_ALLOWED: 'Freight not allowed',
	CHANGE_UNAPPROVED: 'Extra work without an approved change order',
	ITEM_CODE_MISMATCH: 'Buyer item code differs from PO line',
	COST_CENTER_MISMATCH: 'Cost centre differs from PO line',
	TERMS_MISMATCH: 'Terms differ from PO',
	TICKET_OPEN_AFTER_BILLING: 'Job still open after the invoice was sent',
	UNBILLED_COMPLETE_WORK: 'Completed work not billed',
	STALE_TICKET: 'Job open too long',
	TASK_OVER_PO: 'Task goes past its PO line',
	PO_UNKNOWN: 'Job names a PO the customer does not have'
};
