import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useT } from './i18n.tsx';
import { PageError, PageLoading } from './PageState.tsx';
import { hasPermission, MeContext, signOut, useCurrentUser, useMe } from './session.ts';

/** Renders its children only for a signed-in account; otherwise sends the user to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.data) return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>;
  if (me.isPending) return <PageLoading fullScreen />;
  if (me.isError) return <PageError error={me.error} onRetry={() => void me.refetch()} />;
  if (signOut.inProgress) {
    signOut.inProgress = false;
    return <Navigate to="/login" replace />;
  }
  return <Navigate to="/login" replace state={{ from: location }} />;
}

/** Renders its children only when the account holds `permission`; otherwise a 403 page. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const me = useCurrentUser();
  const t = useT();
  const navigate = useNavigate();
  if (hasPermission(me, permission)) return children;
  return (
    <Result
      status="403"
      title={t('error.forbiddenTitle')}
      subTitle={t('error.forbiddenPage')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
