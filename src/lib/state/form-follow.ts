import type { Codec } from '$lib/domain/codecs';

/**
 * A form over a stored record (Settings) while that record changes under it: the page's own save
 * coming back through the live query, another tab's save, a backup recording its date. A field
 * the person has not touched follows the stored value; one they are editing keeps what they typed.
 *
 * "Not touched" must include a field whose text is the stored value in another shape: `5` saved
 * as `5%`, `2% 10 net 30` saved as `2/10 Net 30`, a name saved without its spaces. Comparing only
 * the text took the page's own save for a change made elsewhere ("1 unsaved change is kept").
 */
export class FormFollower {
	readonly #loaded = new Map<string, string | boolean>();

	/**
	 * True when the field should now show `stored`; false when it holds an unsaved change, kept.
	 * `same` says whether the shown text means the stored value (see `sameValue`).
	 */
	follows<V extends string | boolean>(key: string, shown: V | undefined, stored: V, same: (shown: V, stored: V) => boolean = Object.is): boolean {
		const first = !this.#loaded.has(key);
		const untouched = shown === this.#loaded.get(key);
		this.#loaded.set(key, stored);
		return first || untouched || shown === undefined || shown === stored || same(shown, stored);
	}
}

/** Text that the codec reads as the value whose shown form is `stored`. */
export const sameValue =
	(codec: Codec<unknown>) =>
	(shown: string, stored: string): boolean => {
		const p = codec.parse(shown);
		return p.ok && codec.format(p.value) === stored;
	};
