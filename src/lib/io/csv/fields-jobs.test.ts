import { describe, expect, it } from 'vitest';
import { fieldDef } from './fields';
import { suggestMapping } from './mapping';

// Job history columns (issue 20) as contractors' logs and FSM exports head them: each synonym,
// alone or beside the others, fills its own field and no earlier field takes it.
const HISTORY = ['openedOn', 'scheduledStart', 'scheduledEnd', 'completedOn', 'signedOffBy', 'signedOffOn', 'completionNotes', 'done'] as const;

describe('job history headers', () => {
	for (const key of HISTORY) {
		const def = fieldDef('workOrder', key)!;
		it.each([def.label, ...def.synonyms])(`"%s" fills ${def.label}`, (header) => {
			expect(suggestMapping('workOrder', [header])).toEqual({ [key]: header });
		});
	}

	it('"Completed On" and "Completion Date" are the completed date, not the sign-off date', () => {
		expect(suggestMapping('workOrder', ['Completion Date', 'Sign Off Date'])).toEqual({ completedOn: 'Completion Date', signedOffOn: 'Sign Off Date' });
		expect(suggestMapping('workOrder', ['Completed On'])).toEqual({ completedOn: 'Completed On' });
	});

	it('a log with a completed date and a done tick maps both', () => {
		expect(suggestMapping('workOrder', ['Date Completed', 'Task', 'Task Done'])).toEqual({ completedOn: 'Date Completed', taskCode: 'Task', done: 'Task Done' });
		expect(suggestMapping('workOrder', ['Completed', 'Complete?'])).toEqual({ completedOn: 'Completed', done: 'Complete?' });
	});
});
