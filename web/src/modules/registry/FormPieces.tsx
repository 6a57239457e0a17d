import { Col, Form, Input, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type MessageKey, useT } from '../../app/i18n.tsx';
import { RegionCascader } from '../../app/RegionCascader.tsx';
import type { FormMode } from './config.ts';
import { flagLine } from './shared.tsx';
import type { RecordView } from './types.ts';
import { codeRules, emailRules, maxRule, mobileRules, nameRules } from './validators.ts';

/** Two fields a row on wide drawers. */
export function FieldGrid({ children }: { children: ReactNode }) {
  return <Row gutter={16}>{children}</Row>;
}

export function Half({ children }: { children: ReactNode }) {
  return (
    <Col xs={24} md={12}>
      {children}
    </Col>
  );
}

export function Full({ children }: { children: ReactNode }) {
  return <Col span={24}>{children}</Col>;
}

/** A note under a field whose stored value was kept as written. */
function flagNote(record: RecordView | null, field: string, t: ReturnType<typeof useT>): ReactNode {
  const flags = record?.flags.filter((flag) => flag.field === field) ?? [];
  if (flags.length === 0) return undefined;
  return (
    <Typography.Text type="warning">{flags.map((flag) => flagLine(t, flag)).join('；')}</Typography.Text>
  );
}

/** The extra text of a field: its flag when it has one, else `hint`. */
export function useFieldExtra(record: RecordView | null) {
  const t = useT();
  return (field: string, hint?: ReactNode): ReactNode => flagNote(record, field, t) ?? hint;
}

/** 编号, 名称 and 所在地区: kept with the operator, so absent from profile forms. */
export function IdentityFields({
  record,
  mode,
  nameKey,
}: {
  record: RecordView | null;
  mode: FormMode;
  nameKey: MessageKey;
}) {
  const t = useT();
  const extra = useFieldExtra(record);
  if (mode === 'profile') return null;
  const regionHint =
    record && !record.regionCode && record.regionText
      ? t('registry.form.regionAsWritten', { text: record.regionText })
      : undefined;
  return (
    <>
      <Half>
        <Form.Item
          name="code"
          label={t('field.code')}
          rules={codeRules(t)}
          extra={extra('code', t('registry.form.codeHint'))}
        >
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="name" label={t(nameKey)} rules={nameRules(t, t(nameKey))}>
          <Input maxLength={128} autoComplete="off" />
        </Form.Item>
      </Half>
      <Full>
        <Form.Item name="region" label={t('registry.region')} extra={extra('regionCode', regionHint)}>
          <RegionCascader />
        </Form.Item>
      </Full>
    </>
  );
}

/** A contact person, their mobile (masked until changed) and email. */
export function ContactFields({
  person,
  personLabel,
  mobile,
  mobileLabel,
  masked,
  email,
}: {
  person: string;
  personLabel: MessageKey;
  mobile: string;
  mobileLabel: MessageKey;
  /** The mobile as the record shows it. */
  masked: string | null;
  email?: string;
}) {
  const t = useT();
  return (
    <>
      <Half>
        <Form.Item name={person} label={t(personLabel)} rules={[maxRule(t, t(personLabel), 64)]}>
          <Input maxLength={64} />
        </Form.Item>
      </Half>
      <Half>
        <MobileField name={mobile} labelKey={mobileLabel} masked={masked} />
      </Half>
      {email && (
        <Half>
          <Form.Item name={email} label={t('field.contactEmail')} rules={emailRules(t)}>
            <Input maxLength={128} />
          </Form.Item>
        </Half>
      )}
    </>
  );
}

/** A mobile number; a masked value left as shown is kept, cleared it is removed. */
export function MobileField({
  name,
  labelKey,
  masked,
}: {
  name: string;
  labelKey: MessageKey;
  masked: string | null;
}) {
  const t = useT();
  return (
    <Form.Item
      name={name}
      label={t(labelKey)}
      rules={mobileRules(t, masked)}
      extra={masked?.includes('*') ? t('registry.form.maskedHint') : undefined}
    >
      <Input maxLength={20} allowClear placeholder={t('users.mobilePlaceholder')} />
    </Form.Item>
  );
}

/** 地址 and 简介. */
export function AddressDescriptionFields({ descriptionLabel }: { descriptionLabel?: MessageKey }) {
  const t = useT();
  const label = t(descriptionLabel ?? 'field.description');
  return (
    <>
      <Full>
        <Form.Item name="address" label={t('field.address')} rules={[maxRule(t, t('field.address'), 256)]}>
          <Input maxLength={256} />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item name="description" label={label} rules={[maxRule(t, label, 4000)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} showCount />
        </Form.Item>
      </Full>
    </>
  );
}
