import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { Loading } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { Forbidden, NotFound } from '../shell/ErrorPages.tsx';
import { BirthPlanForm } from './BirthPlanForm.tsx';
import { SakinaHome as Home } from './Home.tsx';
import { OutcomeForm } from './OutcomeForm.tsx';
import { PregnancyPage } from './PregnancyPage.tsx';
import { RegisterForm } from './RegisterForm.tsx';
import { ReportForm } from './ReportForm.tsx';
import { VisitForm } from './VisitForm.tsx';
import './sakina.css';

// The charts (chart.js) load only with the dashboard, never on a kader's or officer's phone.
const SakinaDashboard = lazy(() => import('./Dashboard.tsx').then((m) => ({ default: m.SakinaDashboard })));

/**
 * /sakina/*: the high-risk pregnancy programme. The midwife registers, screens, plans and records;
 * the kader reports and visits; the police escort; the leader sees the figures only.
 */
export function SakinaHome() {
  const { user } = useSession();
  const role = user?.role;
  if (role === 'leader') {
    return (
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/sakina/dasbor" component={SakinaDashboard} />
          <Route>
            <Redirect to="/sakina/dasbor" replace />
          </Route>
        </Switch>
      </Suspense>
    );
  }
  const midwife = role === 'midwife';
  const denied = <Forbidden roles={['midwife']} />;
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/sakina" component={Home} />
        <Route path="/sakina/lapor">{role === 'village_official' || midwife ? <ReportForm /> : denied}</Route>
        <Route path="/sakina/daftar">{midwife ? <RegisterForm /> : denied}</Route>
        <Route path="/sakina/dasbor">{midwife ? <SakinaDashboard /> : denied}</Route>
        <Route path="/sakina/ibu/:id">{(params) => <PregnancyPage params={params} />}</Route>
        <Route path="/sakina/ibu/:id/konfirmasi">{(params) => (midwife ? <RegisterForm params={params} /> : denied)}</Route>
        <Route path="/sakina/ibu/:id/kunjungan">{(params) => (midwife ? <VisitForm params={params} /> : denied)}</Route>
        <Route path="/sakina/ibu/:id/p4k">{(params) => (midwife ? <BirthPlanForm params={params} /> : denied)}</Route>
        <Route path="/sakina/ibu/:id/persalinan">{(params) => (midwife ? <OutcomeForm params={params} /> : denied)}</Route>
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  );
}
