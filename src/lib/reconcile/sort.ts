import type { Finding } from './types';

/** Findings order by key, by code unit (never locale-dependent), so every run agrees. */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const byKey = (a: Finding, b: Finding): number => compareKeys(a.key, b.key);
