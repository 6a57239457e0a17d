import { Button, Card, Empty, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { TOUCH_LINK, TouchTargets, usePhone } from '../../app/phone.tsx';
import { useOccurrences } from './api.ts';
import { occurrencePath, StateTag, useKindName } from './shared.tsx';
import type { OccurrenceView } from './types.ts';

/** The record form is fetched when first opened: the home page stays light. */
const RecordDialog = lazy(async () => ({ default: (await import('./RecordDialog.tsx')).RecordDialog }));

/**
 * 本周待办的计划服务: what the person answers for that is overdue or due within the week — the
 * sessions of the teams they serve in, their visits as a tech commissioner, their contact duties
 * (a care visit says its occasion) — each with 登记 (the record form, photos from the phone's
 * camera) and a link to where it is followed. Shown to experts, and to others when they have
 * something due.
 */
export function MyServiceCard({ expert }: { expert: boolean }) {
  const t = useT();
  const phone = usePhone();
  const kindName = useKindName();
  const overdue = useOccurrences({ mine: 'true', state: 'overdue', page: 1, pageSize: 10 });
  const due = useOccurrences({ mine: 'true', state: 'due', page: 1, pageSize: 10 });
  const [open, setOpen] = useState<OccurrenceView | null>(null);
  const items = [...(overdue.data?.items ?? []), ...(due.data?.items ?? [])];
  const loading = overdue.isPending || due.isPending;
  if (!expert && items.length === 0) return null;
  return (
    <Card title={t('standing.mine.title')} loading={loading && items.length === 0} data-testid="my-sessions">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('standing.mine.none')} />
      ) : (
        <TouchTargets on={phone}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {items.map((o) => (
              <div
                key={o.id}
                style={{
                  display: 'flex',
                  flexWrap: 'wrap',
                  alignItems: 'center',
                  gap: 8,
                  justifyContent: 'space-between',
                }}
                data-testid="my-session"
              >
                <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                  <Space size={6} wrap>
                    <Typography.Text strong>{kindName(o.kind)}</Typography.Text>
                    <StateTag state={o.state} />
                    <Typography.Text type="secondary">
                      {o.periodLabel} · {formatDate(o.dueOn)}
                    </Typography.Text>
                  </Space>
                  <div>
                    {occurrencePath(o) ? (
                      <Link
                        to={occurrencePath(o) ?? ''}
                        style={{ ...(phone ? TOUCH_LINK : {}), wordBreak: 'break-all' }}
                      >
                        {o.subjectLabel}
                      </Link>
                    ) : (
                      <Typography.Text style={{ wordBreak: 'break-all' }}>{o.subjectLabel}</Typography.Text>
                    )}
                  </div>
                </div>
                <Button
                  type="primary"
                  onClick={() => setOpen(o)}
                  style={phone ? { width: '100%' } : undefined}
                  data-testid="my-session-record"
                >
                  {t('standing.record.action')}
                </Button>
              </div>
            ))}
          </Space>
        </TouchTargets>
      )}
      {open && (
        <Suspense fallback={null}>
          <RecordDialog
            occurrence={open}
            today={due.data?.today ?? overdue.data?.today}
            onClose={() => setOpen(null)}
          />
        </Suspense>
      )}
    </Card>
  );
}
