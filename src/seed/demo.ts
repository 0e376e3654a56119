import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { regions } from '../regions/schema.ts';
import { tenants, type Role } from '../identity/schema.ts';
import * as identity from '../identity/repository.ts';
import { hashPassword } from '../identity/secrets.ts';
import { buildNik } from '../identity/nik.ts';

export const DEMO_PASSWORD = 'Banyuwangi#2026';

export const DEMO_CITIZEN = {
  nik: buildNik({ kecamatanCode6: '351020', birthDate: '1994-03-12', sex: 'F', serial: '0001' }),
  phone: '+6281234567890',
  displayName: 'Siti Aminah',
};

type DemoAccount = { username: string; role: Exclude<Role, 'citizen'>; displayName: string; places: { kind: 'agency' | 'service_point' | 'village' | 'puskesmas' | 'police_post'; code: string }[] };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', role: 'mpp_admin', displayName: 'Admin MPP Banyuwangi', places: [{ kind: 'service_point', code: 'mpp-banyuwangi' }] },
  { username: 'loket', role: 'counter_officer', displayName: 'Dewi Lestari (Loket MPP)', places: [{ kind: 'service_point', code: 'mpp-banyuwangi' }, { kind: 'agency', code: 'dispendukcapil' }] },
  { username: 'capil', role: 'agency_processor', displayName: 'Bambang Irawan (Dispendukcapil)', places: [{ kind: 'agency', code: 'dispendukcapil' }] },
  { username: 'desa.sempu', role: 'village_operator', displayName: 'Operator Desa Sempu', places: [{ kind: 'village', code: '35.10.20.2001' }] },
  { username: 'bidan.sempu', role: 'midwife', displayName: 'Bidan Rina Wulandari', places: [{ kind: 'puskesmas', code: 'pkm-sempu' }] },
  { username: 'kader.sempu', role: 'village_official', displayName: 'Kader Posyandu Sempu', places: [{ kind: 'village', code: '35.10.20.2001' }] },
  { username: 'polisi.sempu', role: 'police_officer', displayName: 'Bripka Agus (Bhabinkamtibmas Sempu)', places: [{ kind: 'police_post', code: 'polsek-sempu' }, { kind: 'village', code: '35.10.20.2001' }, { kind: 'village', code: '35.10.20.2002' }] },
  { username: 'pimpinan', role: 'leader', displayName: 'Pimpinan Daerah', places: [] },
];

/** Seeds the regency, its base places and the demo accounts, once: a second start finds the tenant and stops. */
export async function seedFoundation(db: Db, regencyCode: string, withDemoAccounts: boolean): Promise<boolean> {
  const [existing] = await db.select().from(tenants).where(eq(tenants.regencyCode, regencyCode));
  if (existing) return false;
  const [regency] = await db.select().from(regions).where(eq(regions.code, regencyCode));
  if (!regency) throw new Error(`REGENCY_CODE ${regencyCode} is not in the official region list`);
  const passwordHash = withDemoAccounts ? await hashPassword(DEMO_PASSWORD) : null;

  await db.transaction(async (tx) => {
    await tx.insert(tenants).values({ regencyCode, name: regency.name });
    const villages = await tx.select().from(regions).where(and(eq(regions.level, 'village'), like(regions.code, `${regencyCode}.%`)));
    // One statement per 500 villages: a transaction is one connection, its queries go one at a time.
    for (let i = 0; i < villages.length; i += 500) {
      await identity.upsertPlaces(tx, villages.slice(i, i + 500).map((v) => ({ regencyCode, kind: 'village' as const, code: v.code, name: v.name, regionCode: v.code })));
    }
    if (regencyCode !== '35.10') return;
    const base = [
      { kind: 'service_point' as const, code: 'mpp-banyuwangi', name: 'Mal Pelayanan Publik Banyuwangi', regionCode: '35.10.16' },
      { kind: 'agency' as const, code: 'dispendukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', regionCode: '35.10.16' },
      { kind: 'puskesmas' as const, code: 'pkm-sempu', name: 'Puskesmas Sempu', regionCode: '35.10.20' },
      { kind: 'puskesmas' as const, code: 'pkm-genteng-kulon', name: 'Puskesmas Genteng Kulon', regionCode: '35.10.09' },
      { kind: 'police_post' as const, code: 'polsek-sempu', name: 'Polsek Sempu', regionCode: '35.10.20' },
    ];
    for (const place of base) await identity.upsertPlace(tx, { regencyCode, ...place });
    if (!withDemoAccounts) return;

    for (const account of DEMO_ACCOUNTS) {
      const user = await identity.insertUser(tx, { regencyCode, role: account.role, username: account.username, passwordHash, displayName: account.displayName });
      const placeIds: string[] = [];
      for (const ref of account.places) placeIds.push((await identity.findPlaceByCode(tx, regencyCode, ref.kind, ref.code))!.id);
      await identity.setUserPlaces(tx, regencyCode, user.id, placeIds);
    }
    await identity.insertUser(tx, { regencyCode, role: 'citizen', nik: DEMO_CITIZEN.nik, phone: DEMO_CITIZEN.phone, displayName: DEMO_CITIZEN.displayName });
  });
  return true;
}
