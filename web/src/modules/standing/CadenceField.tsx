import { InputNumber, Select, Space } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import { PERIOD_NAMES, PERIODS, type Period } from './types.ts';

export interface CadenceValue {
  period: Period;
  count: number;
}

/** 每月 1 次: a period and how many times in it (a round's visits, a duty's contacts). */
export function CadenceField({
  value,
  onChange,
  id,
  testId,
  min = 1,
}: {
  value?: CadenceValue;
  onChange?: (value: CadenceValue) => void;
  id?: string;
  testId: string;
  min?: number;
}) {
  const { t, pick } = useI18n();
  const current = value ?? { period: 'month', count: 1 };
  return (
    <Space.Compact id={id} data-testid={testId}>
      <Select<Period>
        value={current.period}
        onChange={(period) => onChange?.({ ...current, period })}
        options={PERIODS.map((p) => ({ value: p, label: pick(PERIOD_NAMES[p]) }))}
        style={{ width: 120 }}
        data-testid={`${testId}-period`}
      />
      <InputNumber<number>
        min={min}
        max={7}
        precision={0}
        value={current.count}
        onChange={(count) => onChange?.({ ...current, count: count ?? min })}
        addonAfter={t('standing.plan.times')}
        style={{ width: 120 }}
        data-testid={`${testId}-count`}
      />
    </Space.Compact>
  );
}
