/**
 * DEMO DATA ONLY (SEED_DEMO): six months of synthetic applications filed at the MPP counter, so
 * that the leader's SLA compliance page (/dasbor/sla) looks like a real regency's — most finished
 * within the promise, some late, some sent back for correction, a few rejected, the latest still
 * open. Deterministic (a seeded generator) for a given day. Every name is invented and every NIK
 * is built for the demo and belongs to nobody; each application carries the note DEMO_NOTE.
 * Late open ones are marked as already escalated so that the lateness job does not alert anyone.
 */
import { loadCalendar } from '../catalogue/calendar-service.ts';
import { isWorkingDay } from '../catalogue/calendar/calendar.ts';
import { addDays, type LocalDate, wibDateOf, wibInstant } from '../catalogue/calendar/local-date.ts';
import { addWorkingDays } from '../catalogue/calendar/working-days.ts';
import type { Db } from '../db/client.ts';
import * as identity from '../identity/repository.ts';
import { buildNik } from '../identity/nik.ts';
import { clockEventsOf } from './clock.ts';
import * as repo from './figures-repository.ts';
import type { applicationEvents, applications } from './schema.ts';
import { computeSla, slaWorkingDays } from './sla.ts';
import { workflowFor } from './workflows.ts';
import { seededRandom } from '../shared/random.ts';

export const DEMO_NOTE = 'Data demo: riwayat permohonan sintetis';

const FIRST = ['Agus', 'Budi', 'Siti', 'Dewi', 'Eko', 'Sri', 'Hadi', 'Nur', 'Rina', 'Joko', 'Wahyu', 'Lilis', 'Slamet', 'Yuliana', 'Imam', 'Endang', 'Rudi', 'Fitri', 'Bambang', 'Ratna'];
const LAST = ['Santoso', 'Wibowo', 'Rahayu', 'Lestari', 'Hidayat', 'Purnomo', 'Susanti', 'Setiawan', 'Handayani', 'Prasetyo', 'Kusuma', 'Wulandari', 'Saputra', 'Maulana'];
const KECAMATAN = ['351001', '351009', '351016', '351020', '351012', '351005'];
/** The offices most people deal with at the MPP, when the catalogue has them. */
const PREFERRED = ['dispendukcapil', 'dpmptsp', 'bapenda', 'dinsos', 'disnaker', 'dinkes', 'dishub', 'bpn'];
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const at = (date: LocalDate, minutes: number) => wibInstant(date, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);

/**
 * Files the history once (returns the number of applications, or 0 when it is there already or the
 * demo accounts are missing). `now` fixes "today"; the history covers the five months before this one and this one up to yesterday.
 */
export async function seedApplicationHistory(db: Db, regencyCode: string, now: Date = new Date()): Promise<number> {
  if (await repo.hasApplicationWithNote(db, regencyCode, DEMO_NOTE)) return 0;
  const officer = await identity.findUserByUsername(db, regencyCode, 'loket');
  const mpp = await identity.findPlaceByCode(db, regencyCode, 'service_point', 'mpp-banyuwangi');
  if (!officer || !mpp) return 0;
  const all = (await repo.listDemoServices(db, regencyCode)).filter((s) => s.level !== 'village');
  if (all.length === 0) return 0;
  // A readable chart: up to eight agencies, three services each; Dispendukcapil carries most of the load.
  const perAgency = new Map<string, typeof all>();
  for (const s of all) {
    const list = perAgency.get(s.agencyCode) ?? [];
    if (list.length < 3) perAgency.set(s.agencyCode, [...list, s]);
  }
  const agencyCodes = [...PREFERRED.filter((c) => perAgency.has(c)), ...[...perAgency.keys()].filter((c) => !PREFERRED.includes(c)).sort()].slice(0, 8);
  const weighted = agencyCodes.flatMap((code, i) => perAgency.get(code)!.flatMap((s) => Array<typeof s>(code === 'dispendukcapil' ? 6 : i % 3 === 0 ? 2 : 1).fill(s)));
  // Each agency keeps its promise more or less well (the chart must show a spread).
  const lateRate = new Map(agencyCodes.map((code, i) => [code, [0.06, 0.12, 0.25, 0.08, 0.35, 0.15, 0.04, 0.2][i % 8]!]));

  const today = wibDateOf(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const firstMonth = new Date(Date.UTC(y, m - 1 - 5, 1));
  const first = firstMonth.toISOString().slice(0, 10) as LocalDate;
  const years = [Number(first.slice(0, 4)), y, y + 1];
  const cal = await loadCalendar({ db, regencyCode }, years);
  const rnd = seededRandom(Number(today.replaceAll('-', '').slice(0, 6)));

  const appRows: (typeof applications.$inferInsert)[] = [];
  const eventRows: (typeof applicationEvents.$inferInsert)[] = [];
  const officerActor = { actorKind: 'user', actorId: officer.id, actorRole: 'counter_officer', actorName: officer.displayName, actorPlaceName: mpp.name } as const;
  let serial = 0;
  for (let day = first; day < today; day = addDays(day, 1)) {
    if (!isWorkingDay(day, cal)) continue;
    const count = rnd.int(3, 8);
    for (let k = 0; k < count; k++) {
      const s = rnd.pick(weighted);
      const workflow = workflowFor({ code: s.code, level: s.level, agencyCode: s.agencyCode });
      const step = workflow.steps[0]!.code;
      const workingDays = slaWorkingDays({ value: s.durationValue, unit: s.durationUnit });
      const handler = { actorKind: 'user', actorId: null, actorRole: 'agency_processor', actorName: 'Petugas instansi (demo)', actorPlaceName: s.agencyCode } as const;
      const submittedAt = at(day, rnd.int(8 * 60, 14 * 60));
      const id = crypto.randomUUID();
      serial++;
      const events: (typeof applicationEvents.$inferInsert)[] = [];
      const push = (when: Date, action: (typeof applicationEvents.$inferInsert)['action'], from: string, to: string, who: typeof handler | typeof officerActor, note: string | null = null) =>
        events.push({ regencyCode, applicationId: id, seq: events.length + 1, at: when, action, fromStatus: from, toStatus: to, ...who, note });
      push(new Date(submittedAt.getTime() - 10 * 60_000), 'create', 'draft', 'draft', officerActor);
      push(submittedAt, 'submit', 'draft', step, officerActor);

      let status: string = step;
      let returnedFrom: string | null = null;
      let finishedAt: Date | null = null;
      let paused = 0;
      const late = rnd.chance(lateRate.get(s.agencyCode) ?? 0.1);
      const rejected = rnd.chance(0.05);
      const sentBack = !rejected && rnd.chance(0.14);
      let cursor = submittedAt;
      if (sentBack) {
        const back = at(addWorkingDays(submittedAt, rnd.int(0, Math.min(2, Math.max(0, workingDays - 1))), cal), rnd.int(9 * 60, 15 * 60));
        if (back <= now && back > cursor) {
          push(back, 'return', step, 'perlu_perbaikan', handler, 'Dokumen pendukung belum lengkap (demo)');
          status = 'perlu_perbaikan';
          returnedFrom = step;
          const fixedDays = rnd.int(1, 4);
          const fixed = at(addWorkingDays(back, fixedDays, cal), rnd.int(8 * 60, 12 * 60));
          if (fixed <= now) {
            push(fixed, 'resubmit', 'perlu_perbaikan', step, officerActor);
            status = step;
            returnedFrom = null;
            paused = fixedDays;
            cursor = fixed;
          }
        }
      }
      if (status !== 'perlu_perbaikan') {
        if (rejected) {
          const when = at(addWorkingDays(submittedAt, rnd.int(1, 3), cal), rnd.int(9 * 60, 15 * 60));
          if (when <= now) {
            push(when, 'reject', step, 'ditolak', handler, 'Persyaratan tidak memenuhi ketentuan (demo)');
            status = 'ditolak';
            finishedAt = when;
          }
        } else {
          const days = late ? workingDays + rnd.int(1, 6) : workingDays <= 1 ? rnd.int(0, workingDays) : rnd.int(Math.max(1, Math.ceil(workingDays / 3)), workingDays);
          const when = at(addWorkingDays(submittedAt, days + paused, cal), rnd.int(9 * 60, 15 * 60));
          const done = when > cursor ? when : new Date(cursor.getTime() + 60 * 60_000);
          if (done <= now) {
            push(done, 'advance', step, 'selesai', handler);
            const delivery = workflow.deliveries[0]!;
            const handed = new Date(done.getTime() + rnd.int(1, 48) * 3600_000);
            if (handed <= now) {
              push(handed, 'deliver', 'selesai', delivery, officerActor);
              status = delivery;
            } else status = 'selesai';
            finishedAt = done;
          }
        }
      }
      const sla = computeSla({ workingDays, events: clockEventsOf(events.map((e) => ({ at: e.at, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus }))), now, cal });
      const nik = buildNik({ kecamatanCode6: rnd.pick(KECAMATAN), birthDate: `19${rnd.int(60, 99)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`, sex: rnd.chance(0.5) ? 'F' : 'M', serial: String(9000 + (serial % 999)).padStart(4, '0') });
      let suffix = '';
      for (let i = 0, v = serial * 7919 + 104729; i < 8; i++, v = Math.floor(v / 32) + rnd.int(0, 31) * 1_000_003) suffix += ALPHABET[v % 32];
      appRows.push({
        regencyCode,
        id,
        number: `SP-${day.replaceAll('-', '').slice(2)}-${suffix}`,
        serviceId: s.id,
        standardVersion: s.currentVersion,
        workflowCode: workflow.code,
        agencyId: s.agencyId,
        handlerPlaceId: s.agencyPlaceId,
        status: status as (typeof applications.$inferInsert)['status'],
        returnedFrom,
        channel: 'counter',
        filedByUserId: officer.id,
        filedAtPlaceId: mpp.id,
        applicantNik: nik,
        applicantName: `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`,
        note: DEMO_NOTE,
        delivery: workflow.deliveries[0]!,
        submittedAt,
        slaDueDate: sla.dueDate,
        slaState: sla.state,
        escalatedAt: sla.late && sla.state === 'running' ? now : null,
        finishedAt,
        version: events.length,
        createdAt: events[0]!.at,
        updatedAt: events[events.length - 1]!.at,
      });
      eventRows.push(...events);
    }
  }
  await db.transaction(async (tx) => repo.insertHistory(tx, appRows, eventRows));
  return appRows.length;
}
