import { Button, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { formatDate } from '../../app/format.ts';
import { useI18n } from '../../app/i18n.tsx';
import { usePhone } from '../../app/phone.tsx';
import { StateTag, SubjectLink, useKindName } from './shared.tsx';
import type { OccurrenceView } from './types.ts';

/** The record form is fetched when first opened. */
const RecordDialog = lazy(async () => ({ default: (await import('./RecordDialog.tsx')).RecordDialog }));

/**
 * Planned occurrences as rows — the kind, where it stands, its period and day, and (with
 * `subject`) whose it is, linked — each with 登记 while it may be recorded, else 查看, which
 * opens the record form or its record. One list for a commissioner's visits, a duty's plan and
 * one's own due sessions; on a phone the button takes the row's width. `testIds` name the rows
 * and their buttons as each page's tests know them.
 */
export function OccurrenceList({
  items,
  today,
  testIds,
  subject = false,
  divided = false,
}: {
  items: OccurrenceView[];
  /** The server's China date, for the record form's default day. */
  today: string | undefined;
  testIds: { row: string; open: string };
  /** Show whose it is under the kind: lists that mix teams, commissioners and duties. */
  subject?: boolean;
  /** A rule between rows (inside a card of other lines). */
  divided?: boolean;
}) {
  const { t } = useI18n();
  const phone = usePhone();
  const kindName = useKindName();
  const [open, setOpen] = useState<OccurrenceView | null>(null);
  return (
    <>
      <Space direction="vertical" size={subject ? 12 : 8} style={{ width: '100%' }}>
        {items.map((o) => {
          const recordable = !o.record && o.canRecord;
          return (
            <div
              key={o.id}
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                alignItems: 'center',
                gap: 8,
                justifyContent: 'space-between',
                ...(divided ? { borderTop: '1px solid rgba(5,5,5,0.06)', paddingTop: 8 } : {}),
              }}
              data-testid={testIds.row}
              data-state={o.state}
            >
              <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                <Space size={6} wrap>
                  <Typography.Text strong>{kindName(o.kind)}</Typography.Text>
                  <StateTag state={o.state} />
                  <Typography.Text type="secondary">
                    {o.periodLabel} · {formatDate(o.dueOn)}
                  </Typography.Text>
                </Space>
                {subject && (
                  <div>
                    <SubjectLink occurrence={o} phone={phone} />
                  </div>
                )}
              </div>
              <Button
                type={recordable ? 'primary' : 'default'}
                onClick={() => setOpen(o)}
                style={phone ? { width: '100%' } : undefined}
                data-testid={testIds.open}
              >
                {recordable ? t('standing.record.action') : t('common.view')}
              </Button>
            </div>
          );
        })}
      </Space>
      {open && (
        <Suspense fallback={null}>
          <RecordDialog occurrence={open} today={today} onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </>
  );
}
