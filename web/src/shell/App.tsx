import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch, useLocation } from 'wouter';
import type { Role } from '../api-types.ts';
import { Loading } from '../kit/index.ts';
import { noteNavigation } from '../kit/focus.ts';
import { SessionProvider } from '../session.tsx';
import { ChunkBoundary } from './ChunkBoundary.tsx';
import { NotFound } from './ErrorPages.tsx';
import { Footer } from './Footer.tsx';
import { RequireRole, StaffLanding } from './Guard.tsx';
import { Header } from './Header.tsx';

// One chunk per audience: a citizen on a phone never downloads the admin console.
const citizen = () => import('../citizen/index.tsx');
const applications = () => import('../citizen/applications/index.ts');
const counter = () => import('../counter/index.tsx');
const queue = () => import('../citizen/queue/index.ts');
// The live ticket opens from a QR on a phone: its own small chunk. The KPI charts bring chart.js: their own too.
const liveTicket = () => import('../citizen/queue/LiveTicket.tsx');
const kpis = () => import('../counter/Kpis.tsx');
const agency = () => import('../agency/index.tsx');
// Filing on a resident's behalf (counter officer, village operator): its own chunk.
const deskFiling = () => import('../counter/applications/index.ts');
const village = () => import('../village/index.tsx');
const sakina = () => import('../sakina/index.tsx');
const admin = () => import('../admin/index.tsx');
// The catalogue: public pages in their own small chunk; the admin's editors in theirs.
const catalogue = () => import('../citizen/catalogue/index.ts');
const adminCatalogue = () => import('../admin/catalogue/index.ts');
const adminQueue = () => import('../admin/queue/index.ts');
const adminApplications = () => import('../admin/applications/index.ts');
const dashboard = () => import('../dashboard/index.tsx');
// The SLA figures bring chart.js: their own chunk.
const dashboardSla = () => import('../dashboard/Sla.tsx');
const display = () => import('../display/index.tsx');
const staffSignIn = () => import('./StaffSignIn.tsx');

function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

const CitizenHome = page(citizen, 'CitizenHome');
const CatalogueHome = page(catalogue, 'CatalogueHome');
const ServicePage = page(catalogue, 'ServicePage');
const VersionsPage = page(catalogue, 'VersionsPage');
const VersionPage = page(catalogue, 'VersionPage');
const PointsPage = page(catalogue, 'PointsPage');
const PointPage = page(catalogue, 'PointPage');
const ServicesAdmin = page(adminCatalogue, 'ServicesAdmin');
const ServiceCreate = page(adminCatalogue, 'ServiceCreate');
const ServiceEdit = page(adminCatalogue, 'ServiceEdit');
const ServiceHistory = page(adminCatalogue, 'ServiceHistory');
const AgenciesAdmin = page(adminCatalogue, 'AgenciesAdmin');
const AgencyForm = page(adminCatalogue, 'AgencyForm');
const PointsAdmin = page(adminCatalogue, 'PointsAdmin');
const PointEditor = page(adminCatalogue, 'PointEditor');
const CalendarAdmin = page(adminCatalogue, 'CalendarAdmin');
const CsvAdmin = page(adminCatalogue, 'CsvAdmin');
const QueueAdmin = page(adminQueue, 'QueueAdmin');
const WebhookAdmin = page(adminApplications, 'WebhookAdmin');
const SupervisorAdmin = page(adminApplications, 'SupervisorAdmin');
const CitizenSignIn = page(citizen, 'CitizenSignIn');
const CitizenDashboard = page(citizen, 'CitizenDashboard');
const MyData = page(citizen, 'MyData');
const ApplyStart = page(applications, 'ApplyStart');
const ApplyService = page(applications, 'ApplyService');
const ApplicationForm = page(applications, 'ApplicationForm');
const ApplicationSent = page(applications, 'ApplicationSent');
const ApplicationDetail = page(applications, 'ApplicationDetail');
const MyApplications = page(applications, 'MyApplications');
const TrackPage = page(applications, 'TrackPage');
const CheckPage = page(applications, 'CheckPage');
const AgencyInbox = page(agency, 'AgencyInbox');
const AgencyApplication = page(agency, 'AgencyApplication');
const DeskPickService = page(deskFiling, 'DeskPickService');
const DeskApplicant = page(deskFiling, 'DeskApplicant');
const DeskDocuments = page(deskFiling, 'DeskDocuments');
const DeskCheck = page(deskFiling, 'DeskCheck');
const DeskReceipt = page(deskFiling, 'DeskReceipt');
const StaffSignIn = page(staffSignIn, 'StaffSignIn');
const CounterHome = page(counter, 'CounterHome');
const CounterConsole = page(counter, 'CounterConsole');
const QueueKpis = page(kpis, 'QueueKpis');
const QueueHome = page(queue, 'QueueHome');
const BookSlot = page(queue, 'BookSlot');
const BookingPage = page(queue, 'BookingPage');
const Kiosk = page(queue, 'Kiosk');
const LiveTicket = page(liveTicket, 'LiveTicket');
const AgencyHome = page(agency, 'AgencyHome');
const VillageHome = page(village, 'VillageHome');
const SakinaHome = page(sakina, 'SakinaHome');
const AdminHome = page(admin, 'AdminHome');
const AdminUsers = page(admin, 'AdminUsers');
const AdminTokens = page(admin, 'AdminTokens');
const AdminOutbox = page(admin, 'AdminOutbox');
const AdminAudit = page(admin, 'AdminAudit');
const LeaderDashboard = page(dashboard, 'LeaderDashboard');
const SlaCompliance = page(dashboardSla, 'SlaCompliance');
const DisplayBoard = page(display, 'DisplayBoard');

const SAKINA_ROLES: Role[] = ['midwife', 'village_official', 'police_officer'];

function guarded(roles: readonly Role[], Page: ComponentType) {
  return function Guarded() {
    return (
      <RequireRole roles={roles}>
        <Page />
      </RequireRole>
    );
  };
}

const routes: { path: string; component: ComponentType }[] = [
  { path: '/', component: CitizenHome },
  { path: '/layanan', component: CatalogueHome },
  { path: '/layanan/:code', component: ServicePage },
  { path: '/layanan/:code/versi', component: VersionsPage },
  { path: '/layanan/:code/versi/:n', component: VersionPage },
  { path: '/lokasi', component: PointsPage },
  { path: '/lokasi/:code', component: PointPage },
  { path: '/masuk', component: CitizenSignIn },
  { path: '/masuk/petugas', component: StaffSignIn },
  { path: '/petugas', component: StaffLanding },
  { path: '/saya', component: guarded(['citizen'], CitizenDashboard) },
  { path: '/saya/data', component: guarded(['citizen'], MyData) },
  { path: '/ajukan', component: ApplyStart },
  { path: '/ajukan/:service', component: guarded(['citizen'], ApplyService) },
  { path: '/saya/permohonan', component: guarded(['citizen'], MyApplications) },
  { path: '/saya/permohonan/:number', component: guarded(['citizen'], ApplicationDetail) },
  { path: '/saya/permohonan/:number/isi/:step?', component: guarded(['citizen'], ApplicationForm) },
  { path: '/saya/permohonan/:number/terkirim', component: guarded(['citizen'], ApplicationSent) },
  { path: '/lacak/:number?', component: TrackPage },
  { path: '/cek/:token', component: CheckPage },
  { path: '/instansi/permohonan', component: guarded(['agency_processor'], AgencyInbox) },
  { path: '/instansi/permohonan/:number', component: guarded(['agency_processor'], AgencyApplication) },
  { path: '/loket/permohonan/baru', component: guarded(['counter_officer'], DeskPickService) },
  { path: '/loket/permohonan/baru/layanan/:service', component: guarded(['counter_officer'], DeskApplicant) },
  { path: '/loket/permohonan/baru/:number/pemohon', component: guarded(['counter_officer'], DeskApplicant) },
  { path: '/loket/permohonan/baru/:number/berkas', component: guarded(['counter_officer'], DeskDocuments) },
  { path: '/loket/permohonan/baru/:number/periksa', component: guarded(['counter_officer'], DeskCheck) },
  { path: '/loket/permohonan/baru/:number/bukti', component: guarded(['counter_officer'], DeskReceipt) },
  { path: '/loket/permohonan', component: guarded(['counter_officer'], AgencyInbox) },
  { path: '/loket/permohonan/:number', component: guarded(['counter_officer'], AgencyApplication) },
  { path: '/desa/permohonan/baru', component: guarded(['village_operator'], DeskPickService) },
  { path: '/desa/permohonan/baru/layanan/:service', component: guarded(['village_operator'], DeskApplicant) },
  { path: '/desa/permohonan/baru/:number/pemohon', component: guarded(['village_operator'], DeskApplicant) },
  { path: '/desa/permohonan/baru/:number/berkas', component: guarded(['village_operator'], DeskDocuments) },
  { path: '/desa/permohonan/baru/:number/periksa', component: guarded(['village_operator'], DeskCheck) },
  { path: '/desa/permohonan/baru/:number/bukti', component: guarded(['village_operator'], DeskReceipt) },
  { path: '/desa/permohonan', component: guarded(['village_operator'], AgencyInbox) },
  { path: '/desa/permohonan/:number', component: guarded(['village_operator'], AgencyApplication) },
  { path: '/loket', component: guarded(['counter_officer'], CounterHome) },
  { path: '/loket/antrian', component: guarded(['counter_officer', 'mpp_admin', 'village_operator'], CounterConsole) },
  { path: '/loket/kinerja', component: guarded(['counter_officer', 'mpp_admin', 'village_operator', 'leader'], QueueKpis) },
  { path: '/antrian', component: QueueHome },
  { path: '/antrian/pesan', component: guarded(['citizen'], BookSlot) },
  { path: '/antrian/booking/:code', component: BookingPage },
  { path: '/antrian/tiket/:token', component: LiveTicket },
  { path: '/instansi', component: guarded(['agency_processor'], AgencyHome) },
  { path: '/desa', component: guarded(['village_operator'], VillageHome) },
  { path: '/sakina/*?', component: guarded([...SAKINA_ROLES, 'leader'], SakinaHome) },
  { path: '/admin', component: guarded(['mpp_admin'], AdminHome) },
  { path: '/admin/pengguna', component: guarded(['mpp_admin'], AdminUsers) },
  { path: '/admin/token-api', component: guarded(['mpp_admin'], AdminTokens) },
  { path: '/admin/kotak-keluar', component: guarded(['mpp_admin'], AdminOutbox) },
  { path: '/admin/audit', component: guarded(['mpp_admin'], AdminAudit) },
  { path: '/admin/katalog', component: guarded(['mpp_admin'], ServicesAdmin) },
  { path: '/admin/katalog/layanan/baru', component: guarded(['mpp_admin'], ServiceCreate) },
  { path: '/admin/katalog/layanan/:code', component: guarded(['mpp_admin'], ServiceEdit) },
  { path: '/admin/katalog/layanan/:code/riwayat', component: guarded(['mpp_admin'], ServiceHistory) },
  { path: '/admin/katalog/instansi', component: guarded(['mpp_admin'], AgenciesAdmin) },
  { path: '/admin/katalog/instansi/:code', component: guarded(['mpp_admin'], AgencyForm) },
  { path: '/admin/katalog/titik', component: guarded(['mpp_admin'], PointsAdmin) },
  { path: '/admin/katalog/titik/:code', component: guarded(['mpp_admin'], PointEditor) },
  { path: '/admin/katalog/kalender', component: guarded(['mpp_admin'], CalendarAdmin) },
  { path: '/admin/katalog/csv', component: guarded(['mpp_admin'], CsvAdmin) },
  { path: '/admin/antrian', component: guarded(['mpp_admin'], QueueAdmin) },
  { path: '/admin/webhook', component: guarded(['mpp_admin'], WebhookAdmin) },
  { path: '/admin/pengawas-sla', component: guarded(['mpp_admin'], SupervisorAdmin) },
  { path: '/dasbor', component: guarded(['leader'], LeaderDashboard) },
  { path: '/dasbor/sla', component: guarded(['leader', 'mpp_admin', 'agency_processor'], SlaCompliance) },
];

function Shell() {
  const { t } = useTranslation();
  const [location] = useLocation();
  useEffect(() => {
    noteNavigation();
  }, [location]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" className="site-main" tabIndex={-1}>
        <ChunkBoundary resetKey={location}>
          <Suspense fallback={<Loading />}>
            <Switch>
              {routes.map((r) => (
                <Route key={r.path} path={r.path} component={r.component} />
              ))}
              <Route component={NotFound} />
            </Switch>
          </Suspense>
        </ChunkBoundary>
      </main>
      <Footer />
    </>
  );
}

export function App() {
  const [location] = useLocation();
  return (
    <SessionProvider>
      {location === '/layar' || location === '/kios' ? (
        // The hall TV and the kiosk: full screen, no header; the kiosk is locked to itself.
        <ChunkBoundary resetKey={location}>
          <Suspense fallback={<Loading />}>{location === '/kios' ? <Kiosk /> : <DisplayBoard />}</Suspense>
        </ChunkBoundary>
      ) : (
        <Shell />
      )}
    </SessionProvider>
  );
}

/** Starts fetching the chunk the current address needs while React boots (no waterfall on slow networks). */
export function preloadFor(path: string): void {
  if (path.startsWith('/layanan') || path.startsWith('/lokasi')) void catalogue();
  if (path.startsWith('/saya/permohonan') || path.startsWith('/ajukan') || path.startsWith('/lacak') || path.startsWith('/cek')) void applications();
  if (path.startsWith('/masuk/petugas')) void staffSignIn();
  else if (path === '/' || path.startsWith('/masuk') || path.startsWith('/saya')) void citizen();
  else if (path.startsWith('/layar')) void display();
  else if (path.startsWith('/antrian/tiket')) void liveTicket();
  else if (path.startsWith('/antrian') || path.startsWith('/kios')) void queue();
}
