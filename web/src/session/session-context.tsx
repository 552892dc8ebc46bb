import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from '../api/client';

export type Role = 'member' | 'staff' | 'reviewer' | 'dpo' | 'admin';
export type Org = { id: string; slug: string; name: string; kind: string; parentId: string | null; roles: Role[] };
export type SessionInfo = {
  authenticated: boolean;
  sso: { enabled: boolean; displayName: string | null };
  csrfToken?: string;
  user?: { id: string; email: string; displayName: string; mustChangePassword: boolean };
  orgs?: Org[];
};

type SessionState = {
  session: SessionInfo | undefined;
  refresh(): Promise<SessionInfo>;
  currentOrg: Org | undefined;
  selectOrg(id: string): void;
  /** Roles at the current organisation, including those inherited from above. */
  effectiveRoles: Set<Role>;
};

const SessionContext = createContext<SessionState | undefined>(undefined);
const ORG_KEY = 'leitplanke.currentOrg';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo>();
  const [orgId, setOrgId] = useState<string | null>(() => localStorage.getItem(ORG_KEY));

  const refresh = useCallback(async () => {
    const next = await api<SessionInfo>('/api/auth/session');
    setCsrfToken(next.csrfToken);
    setSession(next);
    return next;
  }, []);

  useEffect(() => {
    let cancelled = false;
    void api<SessionInfo>('/api/auth/session').then((next) => {
      if (cancelled) return;
      setCsrfToken(next.csrfToken);
      setSession(next);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const selectOrg = useCallback((id: string) => {
    localStorage.setItem(ORG_KEY, id);
    setOrgId(id);
  }, []);

  const value = useMemo<SessionState>(() => {
    const orgs = session?.orgs ?? [];
    const currentOrg = orgs.find((org) => org.id === orgId) ?? orgs.find((org) => org.roles.length > 0) ?? orgs[0];
    const effectiveRoles = new Set<Role>();
    let cursor = currentOrg;
    while (cursor) {
      for (const role of cursor.roles) effectiveRoles.add(role);
      cursor = orgs.find((org) => org.id === cursor!.parentId);
    }
    return { session, refresh, currentOrg, selectOrg, effectiveRoles };
  }, [session, orgId, refresh, selectOrg]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
