import type { RowSource } from './row-source';

/** The rows of nothing selected. */
export const emptySource = <T extends { id: string }>(): RowSource<T> => ({ rows: () => [], subscribe: () => () => {} });
