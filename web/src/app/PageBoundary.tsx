import { Button, Result } from 'antd';
import { Component, type ReactNode, Suspense } from 'react';
import { useLocation } from 'react-router';
import { useT } from './i18n.tsx';
import { PageLoading } from './PageState.tsx';

interface Props {
  children: ReactNode;
  /** Centred on the whole screen (before the shell is there) rather than in the content area. */
  fullScreen?: boolean;
}

/**
 * Where pages loaded with their route (React.lazy) wait for their chunk: a spinner while it
 * comes, and a reload button if it cannot be fetched (a weak network, or a new version deployed
 * since the page was opened, whose chunks have other names) instead of a blank screen.
 */
export function PageBoundary({ children, fullScreen = false }: Props) {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={location.pathname} fullScreen={fullScreen}>
      <Suspense fallback={<PageLoading fullScreen={fullScreen} />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

interface BoundaryProps {
  children: ReactNode;
  /** Moving to another page clears the failure. */
  resetKey: string;
  fullScreen: boolean;
}

interface BoundaryState {
  failed: boolean;
  resetKey: string;
}

class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override render() {
    return this.state.failed ? <LoadFailed fullScreen={this.props.fullScreen} /> : this.props.children;
  }
}

function LoadFailed({ fullScreen }: { fullScreen: boolean }) {
  const t = useT();
  return (
    <Result
      status="warning"
      title={t('app.pageLoadFailed')}
      style={fullScreen ? { paddingTop: '20vh' } : undefined}
      extra={
        // A fresh load also picks up the chunk names of a newly deployed version.
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
