import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Calendar, DatePicker, Space, Spin, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { chinaToday, usePickerFormats } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import type { FromList } from '../../app/listPage.tsx';
import { useActivities } from './api.ts';
import { activityTime, chinaClock, chinaDate, KIND_COLORS, kindLabel, statusLabel } from './shared.tsx';
import type { ActivityFilters, ActivitySummary } from './types.ts';

/** The most the server lists at once; a month rarely holds more. */
const CALENDAR_PAGE = 200;
/** Activities shown in one day's cell before "+N". */
const PER_CELL = 3;
/** Days an activity is drawn on at most (a months-long class is not drawn on every day). */
const MAX_DAYS = 62;

/** The China dates an activity spans, YYYY-MM-DD. */
function daysOf(activity: ActivitySummary): string[] {
  const last = chinaDate(activity.endsAt);
  const days: string[] = [];
  let day = dayjs(chinaDate(activity.startsAt));
  while (days.length < MAX_DAYS) {
    const text = day.format('YYYY-MM-DD');
    if (text > last) break;
    days.push(text);
    day = day.add(1, 'day');
  }
  return days;
}

/**
 * 日历: one month of activities on their days (China dates). The server is asked
 * for the activities overlapping the six weeks the month view shows.
 */
export function ActivityCalendar({
  filters,
  month,
  onMonth,
  fromList,
}: {
  filters: ActivityFilters;
  /** YYYY-MM; this month when absent. */
  month?: string;
  onMonth: (month: string) => void;
  fromList: FromList;
}) {
  const t = useT();
  const formats = usePickerFormats();
  const shown = month ? dayjs(`${month}-01`) : dayjs(chinaToday()).startOf('month');
  const [picked, setPicked] = useState<Dayjs>(() => dayjs(chinaToday()));
  const value = picked.isSame(shown, 'month') ? picked : shown;
  // The cells the month view draws: from the week of the 1st, six weeks.
  const first = shown.startOf('month').startOf('week');
  const last = first.add(41, 'day');
  const activities = useActivities({
    ...filters,
    page: 1,
    pageSize: CALENDAR_PAGE,
    from: first.format('YYYY-MM-DD'),
    to: last.format('YYYY-MM-DD'),
  });
  const byDay = useMemo(() => {
    const map = new Map<string, ActivitySummary[]>();
    const sorted = [...(activities.data?.items ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (const activity of sorted) {
      for (const day of daysOf(activity)) map.set(day, [...(map.get(day) ?? []), activity]);
    }
    return map;
  }, [activities.data]);
  const go = (to: Dayjs) => onMonth(to.format('YYYY-MM'));

  const dayCell = (date: Dayjs) => {
    const items = byDay.get(date.format('YYYY-MM-DD')) ?? [];
    if (items.length === 0) return null;
    return (
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        {items.slice(0, PER_CELL).map((activity) => (
          <Tooltip
            key={activity.id}
            title={`${kindLabel(t, activity.kind)} · ${statusLabel(t, activity.status)} · ${activityTime(t, activity)}`}
          >
            <Link
              to={`/activities/${activity.id}`}
              state={fromList}
              onClick={(event) => event.stopPropagation()}
              style={{
                display: '-webkit-box',
                WebkitLineClamp: 2,
                WebkitBoxOrient: 'vertical',
                overflow: 'hidden',
                lineHeight: '18px',
                fontSize: 13,
              }}
              data-testid="calendar-activity"
            >
              <Badge color={KIND_COLORS[activity.kind]} />{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {chinaDate(activity.startsAt) === date.format('YYYY-MM-DD')
                  ? chinaClock(activity.startsAt)
                  : '…'}
              </Typography.Text>{' '}
              <span style={{ textDecoration: activity.status === 'cancelled' ? 'line-through' : undefined }}>
                {activity.title}
              </span>
            </Link>
          </Tooltip>
        ))}
        {items.length > PER_CELL && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('activities.calendar.more', { count: items.length - PER_CELL })}
          </Typography.Text>
        )}
      </Space>
    );
  };

  return (
    <Spin spinning={activities.isFetching}>
      {activities.isError && (
        <Alert type="error" showIcon message={errorMessage(activities.error)} style={{ marginBottom: 12 }} />
      )}
      {(activities.data?.total ?? 0) > CALENDAR_PAGE && (
        <Alert
          type="warning"
          showIcon
          message={t('activities.calendar.tooMany', { shown: CALENDAR_PAGE })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Calendar
        value={value}
        onSelect={(date, info) => {
          setPicked(date);
          if (info.source === 'date' && !date.isSame(shown, 'month')) go(date);
        }}
        cellRender={(date, info) => (info.type === 'date' ? dayCell(date) : info.originNode)}
        headerRender={() => (
          <Space style={{ padding: '8px 0 12px' }} wrap data-testid="calendar-header">
            <Button
              icon={<LeftOutlined />}
              onClick={() => go(shown.subtract(1, 'month'))}
              aria-label={t('activities.calendar.previous')}
              title={t('activities.calendar.previous')}
            />
            <DatePicker
              picker="month"
              allowClear={false}
              value={shown}
              onChange={(next) => next && go(next)}
              format={formats.month}
              data-testid="calendar-month"
            />
            <Button
              icon={<RightOutlined />}
              onClick={() => go(shown.add(1, 'month'))}
              aria-label={t('activities.calendar.next')}
              title={t('activities.calendar.next')}
            />
            <Button onClick={() => go(dayjs(chinaToday()))}>{t('activities.calendar.thisMonth')}</Button>
            <Typography.Text type="secondary">
              {t('activities.calendar.count', { count: activities.data?.total ?? 0 })}
            </Typography.Text>
          </Space>
        )}
        data-testid="activity-calendar"
      />
    </Spin>
  );
}
