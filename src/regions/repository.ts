import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { regions } from './schema.ts';

export type RegionRow = typeof regions.$inferSelect;

export async function findRegion(tx: DbOrTx, code: string): Promise<RegionRow | null> {
  const [row] = await tx.select().from(regions).where(eq(regions.code, code));
  return row ?? null;
}

export async function listChildren(tx: DbOrTx, parentCode: string | null): Promise<RegionRow[]> {
  const where = parentCode ? eq(regions.parentCode, parentCode) : eq(regions.level, 'province');
  return tx.select().from(regions).where(where).orderBy(asc(regions.code));
}

/** Name search, optionally within one area (e.g. villages of Banyuwangi: within '35.10.'). */
export async function searchRegions(tx: DbOrTx, q: string, within: string | null, level: string | null, limit: number): Promise<RegionRow[]> {
  const conditions = [ilike(regions.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)];
  if (within) conditions.push(sql`${regions.code} like ${within + '.%'}`);
  if (level) conditions.push(eq(regions.level, level));
  return tx.select().from(regions).where(and(...conditions)).orderBy(sql`length(${regions.name})`, asc(regions.code)).limit(limit);
}

export async function findAncestors(tx: DbOrTx, code: string): Promise<RegionRow[]> {
  const parts = code.split('.');
  const codes = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  const rows = await tx.select().from(regions).where(sql`${regions.code} in ${codes}`);
  return rows.sort((a, b) => a.code.length - b.code.length);
}
