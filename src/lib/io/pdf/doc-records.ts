import { addressText, customerAddress, plainAddress } from '../../domain/addresses';
import type { Customer, Site } from '../../domain/records';
import type { InvoiceDocInput } from './invoice-layout';

/* Records as the documents print them: the address parts on lines, as an envelope has them. */

/** A customer as the invoice prints it: its address parts on lines. */
export const customerForDoc = (c: Customer): InvoiceDocInput['customer'] => ({ name: c.name, billingAddress: addressText(customerAddress(c)), apContact: c.apContact, apEmail: c.apEmail });

/** A site as the invoice and job sheet print it. */
export const siteForDoc = (s: Site): Pick<Site, 'name' | 'costCenter' | 'accessNotes'> & { address: string } => ({ name: s.name, address: addressText(plainAddress(s)), costCenter: s.costCenter, accessNotes: s.accessNotes });
