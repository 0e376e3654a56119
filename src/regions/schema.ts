import { check, index, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Official administrative areas (Kepmendagri) from the idn-area-data package.
 * Shared by every regency on the platform: a Citus reference table.
 */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(), // '35', '35.10', '35.10.01', '35.10.01.2001'
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    name: text('name').notNull(),
  },
  (t) => [
    check('regions_level_check', sql`${t.level} in ('province', 'regency', 'district', 'village')`),
    index('regions_parent_idx').on(t.parentCode),
  ],
);
