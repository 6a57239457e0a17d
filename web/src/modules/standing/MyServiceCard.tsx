import { Card, Empty } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { TouchTargets, usePhone } from '../../app/phone.tsx';
import { useOccurrences } from './api.ts';
import { OccurrenceList } from './OccurrenceList.tsx';

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
  const overdue = useOccurrences({ mine: 'true', state: 'overdue', page: 1, pageSize: 10 });
  const due = useOccurrences({ mine: 'true', state: 'due', page: 1, pageSize: 10 });
  const items = [...(overdue.data?.items ?? []), ...(due.data?.items ?? [])];
  const loading = overdue.isPending || due.isPending;
  if (!expert && items.length === 0) return null;
  return (
    <Card title={t('standing.mine.title')} loading={loading && items.length === 0} data-testid="my-sessions">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('standing.mine.none')} />
      ) : (
        <TouchTargets on={phone}>
          <OccurrenceList
            items={items}
            today={due.data?.today ?? overdue.data?.today}
            testIds={{ row: 'my-session', open: 'my-session-record' }}
            subject
          />
        </TouchTargets>
      )}
    </Card>
  );
}
