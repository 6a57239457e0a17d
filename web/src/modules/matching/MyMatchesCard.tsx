import { BulbOutlined } from '@ant-design/icons';
import { Card, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { TOUCH_LINK, usePhone } from '../../app/phone.tsx';
import { useMyMatches } from './api.ts';
import { MatchList } from './MatchList.tsx';
import type { MatchResult } from './types.ts';

const HOME_TOP = 5;

/**
 * 适合我的需求: technical demands that fit the signed-in expert's profile; nothing at all without a
 * profile. `badge` marks results the page knows more about (demands already on the expert's orders).
 */
export function MyMatchesCard({ badge }: { badge?: (result: MatchResult) => ReactNode }) {
  const t = useT();
  const phone = usePhone();
  const matches = useMyMatches('demands', HOME_TOP);
  // No profile (404) or no longer allowed (403): the card is simply not there.
  if (matches.error instanceof ApiError && (matches.error.status === 404 || matches.error.status === 403)) {
    return null;
  }
  return (
    <Card
      title={
        <Space size={8}>
          <BulbOutlined />
          {t('matching.mine')}
        </Space>
      }
      extra={
        <Link to="/lists/demands" style={phone ? TOUCH_LINK : undefined}>
          {t('matching.mineAll')}
        </Link>
      }
      data-testid="home-my-matches"
    >
      <MatchList
        against="demands"
        response={matches.data}
        loading={matches.isFetching}
        error={matches.error}
        onRetry={() => void matches.refetch()}
        emptyText={t('matching.mineEmpty')}
        badge={badge}
      />
    </Card>
  );
}
