/** How grids write CSV; the app keeps it in step with the settings record. */
export const exportPrefs = $state({ bom: true });
