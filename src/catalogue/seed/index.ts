import { AGENCIES } from './agencies.ts';
import { DOCUMENT_TYPES } from './document-types.ts';
import { LIFE_EVENTS } from './life-events.ts';
import { COUNTERS, SERVICE_POINTS, VILLAGE_POINT_TEMPLATE } from './service-points.ts';
import { SERVICES } from './services/index.ts';
import { SYNONYMS } from './synonyms.ts';
import type { CatalogueSeed } from './types.ts';

export type * from './types.ts';
export { SEARCH_QUERIES } from './search-queries.ts';
export { MARKET_SERVICE_CODES } from './market-services.ts';
export { VILLAGE_POINT_TEMPLATE };

/** The whole service-catalogue seed: plain data, ready for the lead's importer. */
export const CATALOGUE_SEED: CatalogueSeed = {
  documentTypes: DOCUMENT_TYPES,
  agencies: AGENCIES,
  services: SERVICES,
  servicePoints: SERVICE_POINTS,
  counters: COUNTERS,
  synonyms: SYNONYMS,
  lifeEvents: LIFE_EVENTS,
};
