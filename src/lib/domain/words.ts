/** A phrase as the start of a sentence: "work order WO-18480 …" → "Work order WO-18480 …". */
export function sentenceStart(words: string): string {
	return words.charAt(0).toUpperCase() + words.slice(1);
}
