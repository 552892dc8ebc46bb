import { lazy, Suspense, type ReactNode } from 'react';
import { linkedPages, navigation } from './navigation';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/layout';
import { SessionProvider, useSession } from './session/session-context';
import { LoginPage } from './pages/login-page';
import { AccountPage } from './pages/account-page';
import { NotFoundPage } from './pages/not-found-page';
import { transparencyPublicRoutes } from './pages/transparency/public-routes';
import { accountabilityPublicRoutes } from './pages/accountability/public-routes';

/** Staff land in their AI workspace: start a chat, pick an assistant, continue a conversation. */
const WorkspaceStart = lazy(() => import('./pages/workspace/start-page'));

function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="muted">
      {t('app.loading')}
    </p>
  );
}

/** Sends anonymous visitors to the login page and people with a one-time password to change it. */
function RequireLogin({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <Loading />;
  if (!session.authenticated) return <Navigate to={`/anmelden?ziel=${encodeURIComponent(location.pathname)}`} replace />;
  if (session.user?.mustChangePassword && location.pathname !== '/konto') return <Navigate to="/konto" replace />;
  return children;
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/anmelden" element={<LoginPage />} />
            {/* Public pages: no login, outside RequireLogin. */}
            {transparencyPublicRoutes()}
            {accountabilityPublicRoutes()}
            <Route
              element={
                <RequireLogin>
                  <Layout />
                </RequireLogin>
              }
            >
              <Route index element={<WorkspaceStart />} />
              <Route path="konto" element={<AccountPage />} />
              {[...navigation, ...linkedPages].map(({ path, page: Page }) => (
                <Route key={path} path={path} element={<Page />} />
              ))}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </SessionProvider>
  );
}
