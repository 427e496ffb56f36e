/**
 * Why a write happened, kept with every change in the record's history and shown in its words.
 * Every write through the repository carries one; the grid, the wizard and the actions name
 * theirs so that "undo" and "history" can say what they are taking back.
 */
export type CauseKind =
	| 'edit'
	| 'paste'
	| 'fill'
	| 'clear'
	| 'delete'
	| 'create'
	| 'import'
	| 'restore'
	| 'invoice'
	| 'action'
	| 'sample'
	| 'undo'
	| 'redo';

export interface Cause {
	kind: CauseKind;
	/** The file an import or restore read. */
	file?: string;
	/** A few words for an action ("Sign off", "Mark sent") or anything the kind alone does not say. */
	label?: string;
}

export const EDIT: Cause = { kind: 'edit' };
