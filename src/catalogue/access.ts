import type { Actor } from '../shared/actor.ts';

export type CatalogueAction =
  | 'catalogue.read' // agencies, services, standards and their versions, points, calendar: public
  | 'catalogue.manage' // create and edit agencies, services, standards, points, counters, calendar
  | 'catalogue.transfer'; // CSV export and import of the whole catalogue

/**
 * Who may do what with the catalogue. The standard is a public commitment (UU 25/2009 Pasal 15:
 * the provider must publish it), so reading needs no account; only the MPP admin changes it.
 */
export function canCatalogue(actor: Actor, action: CatalogueAction): boolean {
  switch (action) {
    case 'catalogue.read':
      return true;
    case 'catalogue.manage':
    case 'catalogue.transfer':
      return actor.kind === 'user' && actor.role === 'mpp_admin';
  }
}
