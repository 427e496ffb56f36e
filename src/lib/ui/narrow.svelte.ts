import { MediaQuery } from 'svelte/reactivity';

/**
 * A phone-sized window: where pages trade their grids for lists a thumb can use. The same width
 * as the CSS that folds the menu (AppNav.svelte), so the two never disagree.
 */
export const NARROW_MAX_PX = 760;
export const narrow = new MediaQuery(`max-width: ${NARROW_MAX_PX}px`, false);
