import { lazy } from 'react';
import { Route } from 'react-router';
import { PublicLayout } from '../transparency/public-layout';

const ComplaintPage = lazy(() => import('./public-complaint-page'));
const StatusPage = lazy(() => import('./public-status-page'));

/** The complaint office's public pages (OPEN-4): no login, inside the public layout of the transparency pages. */
export function accountabilityPublicRoutes() {
  return (
    <Route path="/beschwerde" element={<PublicLayout />}>
      <Route index element={<ComplaintPage />} />
      <Route path="status" element={<StatusPage />} />
    </Route>
  );
}
