/** The pages in the order the navigation lists them; each page's heading is its label. Browser tests walk the same list. */
export const PAGES = [
	{ href: '/work-orders', label: 'Work orders' },
	{ href: '/purchase-orders', label: 'Purchase orders' },
	{ href: '/invoices', label: 'Invoices' },
	{ href: '/lines/tasks', label: 'All tasks' },
	{ href: '/lines/po-lines', label: 'All PO lines' },
	{ href: '/lines/invoice-lines', label: 'All invoice lines' },
	{ href: '/exceptions', label: 'Exceptions' },
	{ href: '/customers', label: 'Customers' },
	{ href: '/settings', label: 'Settings' }
] as const;
