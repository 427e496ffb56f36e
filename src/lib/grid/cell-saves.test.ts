import { describe, expect, it } from 'vitest';
import { moneyCodec, termsCodec, textCodec } from '$lib/domain/codecs';
import type { EditContext } from './columns';
import { CellSaves, KEEP_TYPED_FROM, type RestatedQuestion } from './cell-saves';
import type { EditRefusal } from '$lib/state/update-one';

type Row = { id: string; no: number; price: number; note: string; terms: string };
const price: EditContext = { field: 'price', codec: moneyCodec as never };
const note: EditContext = { field: 'note', codec: textCodec as never };
const terms: EditContext = { field: 'terms', codec: termsCodec as never };

/** A grid's saves with what it was told recorded: the refusal under it, and the messages that stay. */
function grid(answer: EditRefusal | null = null, names: (r: Row) => string = (r) => `Line ${r.no}`, accept = true) {
	const told = {
		under: null as string | null,
		typed: null as string | null,
		kept: [] as [string, string][],
		stored: [] as [string, unknown, unknown][],
		asked: [] as RestatedQuestion[]
	};
	const saves = new CellSaves<Row>({
		edit: () => async (_row, field, value, startedAs) => {
			told.stored.push([field, value, startedAs]);
			return answer;
		},
		rowName: names,
		show: (m, t) => ((told.under = m), (told.typed = t)),
		keepTyped: (m, t) => told.kept.push([m, t]),
		confirmRestated: async (q) => {
			told.asked.push(q);
			return accept;
		}
	});
	return { saves, told };
}
const row: Row = { id: 'r1', no: 3, price: 1500, note: '', terms: 'Net 30' };

describe('a cell save', () => {
	it('stores the parsed value against the value the edit began from, and clears a refusal shown', async () => {
		const { saves, told } = grid();
		told.under = 'old refusal';
		saves.began(row, 'price');
		// Another tab changed the price while the editor was open: the save is judged from 15.00.
		await saves.save({ ...row, price: 9900 }, price, 'Unit price', '(150.00)');
		expect(told.stored).toEqual([['price', -15000, 1500]]);
		expect(told.under).toBeNull();
	});

	it('refuses text that does not parse under the grid, stores nothing, and keeps long typing to copy', async () => {
		const { saves, told } = grid();
		await saves.save(row, price, 'Unit price', 'twelve');
		expect(told.stored).toEqual([]);
		expect(told.under).toMatch(/^Line 3, Unit price: .+\. Nothing was saved\.$/);
		expect(told.typed).toBeNull();
		const long = 'x'.repeat(KEEP_TYPED_FROM);
		const refusing = grid({ message: 'Note is too long. Nothing was saved.', gone: false });
		await refusing.saves.save(row, note, 'Note', long);
		expect(refusing.told.under).toBe('Line 3, Note: Note is too long. Nothing was saved.');
		expect(refusing.told.typed).toBe(long);
	});

	it('names the row as it was when the editor opened, though its name now reads a record that is gone', async () => {
		let gone = false;
		const { saves, told } = grid({ message: 'Nothing was saved.', gone: false }, (r) => {
			if (gone) throw new Error('its PO is gone');
			return `PO 1001 line ${r.no}`;
		});
		saves.began(row, 'note');
		gone = true;
		await saves.save(row, note, 'Note', 'hello');
		expect(told.under).toBe('PO 1001 line 3, Note: Nothing was saved.');
		await saves.save(row, note, 'Note', 'again');
		expect(told.under).toBe('The row, Note: Nothing was saved.');
	});

	it('keeps what was typed in a message that stays when the row was deleted elsewhere, or when the grid closed the edit itself', async () => {
		const deleted = grid({ message: 'gone', gone: true });
		await deleted.saves.save(row, note, 'Note', 'call before 9');
		expect(deleted.told.kept).toEqual([['Line 3 was deleted in another tab while you were editing its Note. What you typed is below, to copy.', 'call before 9']]);
		const orphan = grid({ message: 'Disk full. Nothing was saved.', gone: false });
		await orphan.saves.save(row, note, 'Note', 'call before 9', true);
		expect(orphan.told.kept).toEqual([['Line 3, Note: Disk full. What you typed was not saved; it is below, to copy.', 'call before 9']]);
		expect(orphan.told.under).toBeNull();
		const unparsed = grid();
		await unparsed.saves.save(row, price, 'Unit price', 'twelve', true);
		expect(unparsed.told.kept[0]![0]).toMatch(/^Line 3, Unit price: .+, so what you typed was not saved\. It is below, to copy\.$/);
	});

	it('does nothing in a read-only grid', async () => {
		const { told } = grid();
		const readOnly = new CellSaves<Row>({ edit: () => undefined, rowName: () => 'x', show: (m) => (told.under = m), keepTyped: (m, t) => told.kept.push([m, t]), confirmRestated: async () => true });
		await readOnly.save(row, price, 'Unit price', 'twelve');
		expect(told.kept).toEqual([]);
		expect(told.under).toBeNull();
	});
});

describe('terms typed in another shape', () => {
	it('are saved only once the person accepts the normal form, named beside what they typed and what the cell holds', async () => {
		const { saves, told } = grid();
		saves.began(row, 'terms');
		await saves.save(row, terms, 'Terms', '2% 10 net 30');
		expect(told.asked).toEqual([{ name: 'Line 3', header: 'Terms', typed: '2% 10 net 30', stored: '2/10 Net 30', current: 'Net 30' }]);
		expect(told.stored).toEqual([['terms', '2/10 Net 30', 'Net 30']]);
	});

	it('keep the value the cell had when the person says no (Escape), and store nothing', async () => {
		const { saves, told } = grid(null, undefined, false);
		told.under = 'an earlier refusal';
		await saves.save(row, terms, 'Terms', 'net30');
		expect(told.asked.map((q) => q.stored)).toEqual(['Net 30']);
		expect(told.stored).toEqual([]);
		expect(told.under).toBe('an earlier refusal');
	});

	it('in the normal form already are saved with no question', async () => {
		const { saves, told } = grid();
		await saves.save(row, terms, 'Terms', ' 2/10 Net 30 ');
		expect(told.asked).toEqual([]);
		expect(told.stored).toEqual([['terms', '2/10 Net 30', 'Net 30']]);
	});

	it('are kept to copy, not saved unasked, when the grid closed the edit itself', async () => {
		const { saves, told } = grid();
		await saves.save(row, terms, 'Terms', '2 10 n 30', true);
		expect(told.asked).toEqual([]);
		expect(told.stored).toEqual([]);
		expect(told.kept).toEqual([['Line 3, Terms: "2 10 n 30" would be saved as "2/10 Net 30", so it was not saved. It is below, to copy.', '2 10 n 30']]);
	});
});
