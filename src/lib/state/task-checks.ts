import { parseQuantity } from '$lib/domain/quantity';
import type { Task } from '$lib/domain/records';
import { editField } from './actions';

/**
 * A task ticked or its quantity typed on the phone's checklist: the same validation and storage
 * path as a cell of the tasks grid (editField), judged against the value the control showed, so
 * another tab's change is never silently undone. Resolves to the sentence to show, or null once stored.
 */
export async function setTaskDone(task: Task, done: boolean): Promise<string | null> {
	const refused = await editField('tasks', task.id, 'done', done, task.done);
	return refused ? `${task.code}: ${refused.gone ? 'this task was deleted in another tab.' : refused.message}` : null;
}

export async function setTaskQty(task: Task, typed: string, shownAs: number): Promise<string | null> {
	const parsed = parseQuantity(typed);
	if (!parsed.ok) return `${task.code} quantity: ${parsed.error}. Nothing was saved.`;
	// Retyped as it was shown: nothing to store.
	if (parsed.value === shownAs) return null;
	const refused = await editField('tasks', task.id, 'qtyMilli', parsed.value, shownAs);
	return refused ? `${task.code} quantity: ${refused.gone ? 'this task was deleted in another tab, so nothing was saved.' : refused.message}` : null;
}
