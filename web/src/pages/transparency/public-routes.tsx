import { lazy } from 'react';
import { Route } from 'react-router';
import { PublicLayout } from './public-layout';

const RegisterPage = lazy(() => import('./public-register-page'));
const EntryPage = lazy(() => import('./public-entry-page'));
const ModelsPage = lazy(() => import('./public-models-page'));
const IncidentsPage = lazy(() => import('./public-incidents-page'));
const DisclosuresPage = lazy(() => import('./public-disclosures-page'));
const ReportPage = lazy(() => import('./public-report-page'));
const EnergyMethodologyPage = lazy(() => import('../energy/methodology-page'));

/**
 * The public transparency pages (OPEN-1, OPEN-3, OPEN-6), for anonymous visitors: called as a function
 * inside <Routes>, outside the login guard.
 */
export function transparencyPublicRoutes() {
  return (
    <Route path="/transparenz" element={<PublicLayout />}>
      <Route index element={<RegisterPage />} />
      <Route path="register/:useCaseId" element={<EntryPage />} />
      <Route path="modelle" element={<ModelsPage />} />
      <Route path="vorfaelle" element={<IncidentsPage />} />
      <Route path="kampagnen" element={<DisclosuresPage />} />
      <Route path="bericht" element={<ReportPage />} />
      <Route path="energie" element={<EnergyMethodologyPage />} />
    </Route>
  );
}
