/** Characters Windows, macOS or a browser's download would refuse or mangle in a file name. */
const UNSAFE = /[\\/:*?"<>|]+/g;
const isControl = (ch: string) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f;

/** `Invoice-INV-1041.pdf`: the record's number made safe for a file name, never empty. */
export function pdfFileName(prefix: 'Invoice' | 'CreditNote' | 'JobSheet', number: string): string {
	const safe = [...number.normalize('NFC')]
		.map((ch) => (isControl(ch) ? '-' : ch))
		.join('')
		.replace(UNSAFE, '-')
		.replace(/\s+/g, '_')
		.replace(/-{2,}/g, '-')
		.replace(/^[-_.]+|[-_.]+$/g, '')
		.slice(0, 80);
	return `${prefix}-${safe || 'untitled'}.pdf`;
}
