/**
 * Demo queue configuration on first start: MPP Banyuwangi's ordering policy and running text, and
 * online booking for its busiest services (KTP-el, KK, akta, SKCK, SIM) with the "new normal"
 * occupancy limit per slot and separate online and walk-in quotas. Other services stay walk-in only
 * until the admin turns booking on. Needs the catalogue; does nothing when it is missing or was
 * already configured.
 */
import * as catalogue from '../catalogue/repository.ts';
import type { Db } from '../db/client.ts';
import { DEFAULT_PRIORITY_GROUPS } from './queue-order.ts';
import * as repo from './repository.ts';

const MPP = 'mpp-banyuwangi';

/** Services with online booking at the MPP: [code, slot capacity, online quota, walk-in quota]. */
const BOOKABLE: readonly [string, number, number, number][] = [
  ['ktp-el-baru', 5, 60, 80],
  ['ktp-el-rusak', 5, 40, 60],
  ['ktp-el-hilang', 5, 40, 60],
  ['ktp-el-perubahan-data', 4, 30, 40],
  ['kia', 4, 30, 40],
  ['kk-baru', 4, 40, 50],
  ['kk-perubahan-data', 4, 40, 50],
  ['akta-kelahiran', 4, 40, 50],
  ['akta-kematian', 3, 20, 30],
  ['skck-baru', 5, 50, 50],
  ['skck-perpanjangan', 5, 50, 50],
  ['sim-perpanjangan', 5, 40, 40],
];

export async function seedQueueDemo(db: Db, regencyCode: string): Promise<boolean> {
  const point = await catalogue.findPointByCode(db, regencyCode, MPP);
  if (!point) return false;
  if (await repo.findPointSettings(db, regencyCode, point.id)) return false;
  const offered = new Map((await catalogue.listServicesOfPoint(db, regencyCode, point.id)).map((s) => [s.code, s.id]));
  await db.transaction(async (tx) => {
    await repo.upsertPointSettings(tx, {
      regencyCode,
      pointId: point.id,
      priorityGroups: [...DEFAULT_PRIORITY_GROUPS],
      mixPriority: 1,
      mixNormal: 2,
      maxWaitMinutes: 60,
      targetWaitMinutes: 30,
      counterWord: 'loket',
      runningTextId:
        'Selamat datang di Mal Pelayanan Publik Banyuwangi. Semua layanan Dispendukcapil gratis — jangan gunakan calo. Lansia, penyandang disabilitas dan ibu hamil silakan mengambil antrian prioritas di kios. Booking daring: satupintu, menu Antrian.',
      runningTextEn:
        'Welcome to the Banyuwangi Public Service Mall. All civil registry services are free — do not use brokers. Elderly, disabled and pregnant visitors may take a priority ticket at the kiosk. Book online: satupintu, Queue menu.',
    });
    for (const [code, capacity, online, walkIn] of BOOKABLE) {
      const serviceId = offered.get(code);
      if (!serviceId) continue;
      await repo.upsertServiceSettings(tx, {
        regencyCode,
        pointId: point.id,
        serviceId,
        bookingEnabled: true,
        slotMinutes: 30,
        slotCapacity: capacity,
        onlineDailyQuota: online,
        walkInDailyQuota: walkIn,
        opensDaysBefore: 7,
        opensAt: '07:00',
        closingMarginMinutes: 30,
      });
    }
  });
  return true;
}
