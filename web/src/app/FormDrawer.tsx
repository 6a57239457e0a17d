import { Alert, Button, Drawer, Space } from 'antd';
import type { ReactNode, Ref } from 'react';
import { errorMessage } from './api.ts';
import { useT } from './i18n.tsx';
import { PageError, PageLoading } from './PageState.tsx';

/**
 * The frame of every create/edit form: a drawer with 取消 / 保存 at the top,
 * the server's error above the form (for a version conflict, with the hint
 * and a 重新加载 button), and a marker at the top to scroll back to when a
 * save fails. Unsaved input does not go with a stray click or Esc.
 * useRecordForm's `drawer` supplies the props for saving, the error and the conflict.
 */
export function FormDrawer({
  title,
  width = 760,
  saving,
  onSave,
  onClose,
  error,
  conflict,
  onReload,
  top,
  testId,
  children,
}: {
  title: ReactNode;
  width?: number;
  saving: boolean;
  /** Usually `() => form.submit()`. */
  onSave: () => void;
  onClose: () => void;
  /** The failed save's error, when the last save failed. */
  error: unknown;
  /** The error is a version conflict: the record has changed since the form was filled. */
  conflict: boolean;
  /** What 重新加载 does after a conflict (closing the form, by default: reopening shows the record as it is). */
  onReload?: () => void;
  /** Scrolled to when a save fails. */
  top?: Ref<HTMLDivElement>;
  /** Prefix of the test ids: `${testId}-save`, `${testId}-form-error`. */
  testId: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Drawer
      open
      width={width}
      title={title}
      onClose={onClose}
      // Unsaved input should not go with a stray click or Esc (Esc also closes an open dropdown).
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={onSave} data-testid={`${testId}-save`}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <div ref={top} />
      {error !== null && error !== undefined && (
        <Alert
          type="error"
          showIcon
          message={errorMessage(error)}
          description={conflict ? t('common.conflictHint') : undefined}
          action={
            conflict ? (
              <Button size="small" onClick={onReload ?? onClose}>
                {t('common.reload')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
          data-testid={`${testId}-form-error`}
        />
      )}
      {children}
    </Drawer>
  );
}

/**
 * The drawer while the record a form edits is read: an edit opened from a
 * list reads the whole record first (a list item leaves out fields the form
 * edits), then shows its form drawer in place of this one.
 */
export function FormDrawerLoading({
  query,
  onClose,
  width = 760,
}: {
  query: { isError: boolean; error: unknown; refetch: () => unknown };
  onClose: () => void;
  width?: number;
}) {
  const t = useT();
  return (
    <Drawer open width={width} title={t('common.edit')} onClose={onClose} data-testid="form-loading">
      {query.isError ? (
        <PageError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <PageLoading />
      )}
    </Drawer>
  );
}
