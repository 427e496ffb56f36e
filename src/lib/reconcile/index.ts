/** The reconciliation engine: pure functions of the workbook, no storage, no clock. */
export { reconcileAll } from './reconcile-all';
export { Reconciler, type ApplyResult } from './reconciler';
export { CODE_SEVERITY } from './codes';
export { CODE_LABEL } from './labels';
export type { PoBilled, WoBilled } from './billed';
export { FINDING_CODES, RECORD_TABLES } from './types';
export type { Change, Counts, Finding, FindingCode, RecordOf, RecordTable, Severity, Target, TargetTable, Workbook } from './types';
