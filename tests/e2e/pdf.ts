import { execFileSync } from 'node:child_process';
import type { Download } from '@playwright/test';

/** The text of a downloaded PDF, as poppler's pdftotext reads it (layout kept), and its page count. */
export async function readPdf(download: Download): Promise<{ text: string; pages: number }> {
	const path = await download.path();
	const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
	const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
	const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
	return { text, pages };
}
