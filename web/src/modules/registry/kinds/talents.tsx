import { Form, Input, InputNumber, Select, Space, Switch, Tag } from 'antd';
import { Link } from 'react-router';
import { EMPTY, show } from '../../../app/format.ts';
import { clean } from '../../../app/forms.ts';
import { useT } from '../../../app/i18n.tsx';
import type { FieldsProps, KindConfig } from '../config.ts';
import { DictionarySelect } from '../DictionarySelect.tsx';
import { FieldGrid, Full, Half, IdentityFields, MobileField, useFieldExtra } from '../FormPieces.tsx';
import { enumLabel, enumOptions, NamedTags, names } from '../shared.tsx';
import type { TalentView } from '../types.ts';
import { birthYearRules, emailRules, idNumberRules, maxRule } from '../validators.ts';
import { cleanEmail, cleanTags, codes, recordFromValues, recordInput } from './common.ts';

/** 职称 as shown: the dictionary name, or the text as written. */
function titleOf(record: Pick<TalentView, 'title' | 'titleText'>): string {
  return record.title?.name ?? record.titleText ?? EMPTY;
}

function TalentFields({ record, mode }: FieldsProps<'talents'>) {
  const t = useT();
  const extra = useFieldExtra(record);
  const asWritten = (text: string | null | undefined) =>
    text ? t('registry.form.textAsWritten', { text }) : undefined;
  return (
    <FieldGrid>
      <IdentityFields record={record} mode={mode} nameKey="field.displayName" />
      <Half>
        <Form.Item name="gender" label={t('field.gender')} extra={extra('gender')}>
          <Select allowClear options={enumOptions(t, 'gender', ['male', 'female'])} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="birthYear" label={t('field.birthYear')} rules={birthYearRules(t)}>
          <InputNumber min={1900} max={new Date().getFullYear()} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item
          name="education"
          label={t('field.education')}
          extra={extra('education', record?.education ? undefined : asWritten(record?.educationText))}
        >
          <DictionarySelect kind="education" current={record?.education ? [record.education] : []} />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item
          name="title"
          label={t('field.title')}
          extra={extra('title', record?.title ? undefined : asWritten(record?.titleText))}
        >
          <DictionarySelect kind="title" current={record?.title ? [record.title] : []} />
        </Form.Item>
      </Half>
      <Full>
        <Form.Item
          name="employerName"
          label={t('field.employerName')}
          rules={[maxRule(t, t('field.employerName'), 128)]}
        >
          <Input maxLength={128} />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item name="disciplines" label={t('field.disciplines')} extra={extra('disciplines')}>
          <DictionarySelect kind="discipline" multiple current={record?.disciplines} />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item name="industries" label={t('field.industries')} extra={extra('industries')}>
          <DictionarySelect kind="industry" multiple current={record?.industries} />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item name="honours" label={t('field.honours')} extra={extra('honours')}>
          <DictionarySelect kind="honour" multiple current={record?.honours} />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item
          name="researchInterests"
          label={t('field.researchInterests')}
          rules={[maxRule(t, t('field.researchInterests'), 2000)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item
          name="representativeWork"
          label={t('field.representativeWork')}
          rules={[maxRule(t, t('field.representativeWork'), 4000)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} showCount />
        </Form.Item>
      </Full>
      <Full>
        <Form.Item
          name="tags"
          label={t('field.tags')}
          extra={t('registry.form.tagsHint')}
          rules={[
            { type: 'array', max: 30, message: t('registry.validation.tooManyTags', { max: 30 }) },
            {
              validator: (_rule, value: unknown) =>
                Array.isArray(value) && value.some((tag) => String(tag).trim().length > 32)
                  ? Promise.reject(new Error(t('registry.validation.tagTooLong', { max: 32 })))
                  : Promise.resolve(),
            },
          ]}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ';', '；', '、']} open={false} suffixIcon={null} />
        </Form.Item>
      </Full>
      <Half>
        <MobileField name="mobile" labelKey="field.mobile" masked={record?.mobile ?? null} />
      </Half>
      <Half>
        <Form.Item name="email" label={t('field.email')} rules={emailRules(t)}>
          <Input maxLength={128} />
        </Form.Item>
      </Half>
      {mode !== 'profile' && (
        <>
          <Half>
            <Form.Item
              name="idNumber"
              label={t('field.idNumber')}
              rules={idNumberRules(t, record?.idNumber)}
              extra={record?.idNumber?.includes('*') ? t('registry.form.maskedHint') : undefined}
            >
              <Input maxLength={18} allowClear />
            </Form.Item>
          </Half>
          <Half>
            <Form.Item name="isExpert" label={t('field.isExpert')} valuePropName="checked">
              <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
            </Form.Item>
          </Half>
        </>
      )}
    </FieldGrid>
  );
}

export const talentConfig: KindConfig<'talents'> = {
  kind: 'talents',
  path: '/registry/talents',
  titleKey: 'menu.talents',
  nounKey: 'registry.noun.talents',
  nameKey: 'field.displayName',
  filters: ['discipline', 'industry', 'title', 'titleLevel', 'honourLevel', 'tag'],
  mobileField: 'mobile',
  scrollX: 1700,
  columns: (t) => [
    {
      title: t('field.gender'),
      dataIndex: 'gender',
      width: 70,
      render: (gender: string | null) => enumLabel(t, 'gender', gender),
    },
    { title: t('field.title'), key: 'title', width: 130, render: (_, record) => titleOf(record) },
    {
      title: t('field.education'),
      key: 'education',
      width: 110,
      render: (_, record) => record.education?.name ?? show(record.educationText),
    },
    { title: t('field.employerName'), dataIndex: 'employerName', width: 200, ellipsis: true, render: show },
    {
      title: t('field.disciplines'),
      dataIndex: 'disciplines',
      width: 200,
      ellipsis: true,
      render: names,
    },
    {
      title: t('field.honourLevel'),
      dataIndex: 'honourLevel',
      width: 100,
      render: (level: string | null) =>
        level ? <Tag color="gold">{enumLabel(t, 'honourLevel', level)}</Tag> : EMPTY,
    },
    { title: t('field.mobile'), dataIndex: 'mobile', width: 130, render: show },
  ],
  details: (record, t, { revealed, links }) => [
    { key: 'gender', label: t('field.gender'), children: enumLabel(t, 'gender', record.gender) },
    { key: 'birthYear', label: t('field.birthYear'), children: show(record.birthYear) },
    {
      key: 'education',
      label: t('field.education'),
      children: record.education?.name ?? show(record.educationText),
    },
    {
      key: 'title',
      label: t('field.title'),
      children: (
        <Space size={6}>
          {titleOf(record)}
          {record.titleLevel && <Tag>{enumLabel(t, 'titleLevel', record.titleLevel)}</Tag>}
        </Space>
      ),
    },
    {
      key: 'employerName',
      label: t('field.employerName'),
      children: !links ? (
        show(record.employerName)
      ) : record.institutionId ? (
        <Link to={`/registry/institutions/${record.institutionId}`}>{show(record.employerName)}</Link>
      ) : record.enterpriseId ? (
        <Link to={`/registry/enterprises/${record.enterpriseId}`}>{show(record.employerName)}</Link>
      ) : (
        show(record.employerName)
      ),
    },
    {
      key: 'isExpert',
      label: t('field.isExpert'),
      children: record.isExpert ? t('common.yes') : t('common.no'),
    },
    {
      key: 'disciplines',
      label: t('field.disciplines'),
      children: <NamedTags items={record.disciplines} color="blue" />,
      wide: true,
    },
    {
      key: 'industries',
      label: t('field.industries'),
      children: <NamedTags items={record.industries} color="cyan" />,
      wide: true,
    },
    {
      key: 'honours',
      label: t('field.honours'),
      children: (
        <Space size={6} wrap>
          <NamedTags items={record.honours} color="gold" />
          {record.honourLevel && (
            <span>
              {t('registry.honourLevelOf', { level: enumLabel(t, 'honourLevel', record.honourLevel) })}
            </span>
          )}
        </Space>
      ),
      wide: true,
    },
    {
      key: 'researchInterests',
      label: t('field.researchInterests'),
      children: show(record.researchInterests),
      wide: true,
    },
    {
      key: 'representativeWork',
      label: t('field.representativeWork'),
      children: show(record.representativeWork),
      wide: true,
    },
    { key: 'tags', label: t('field.tags'), children: <NamedTags items={record.tags} />, wide: true },
    { key: 'mobile', label: t('field.mobile'), children: show(revealed ? revealed.mobile : record.mobile) },
    { key: 'email', label: t('field.email'), children: show(record.email) },
    {
      key: 'idNumber',
      label: t('field.idNumber'),
      children: show(revealed ? revealed.idNumber : record.idNumber),
    },
  ],
  toInput: (record) => ({
    ...recordInput(record),
    gender: record.gender === 'male' || record.gender === 'female' ? record.gender : null,
    birthYear: record.birthYear,
    education: record.education?.code ?? null,
    educationText: record.educationText,
    title: record.title?.code ?? null,
    titleText: record.titleText,
    employerName: record.employerName,
    disciplines: codes(record.disciplines),
    industries: codes(record.industries),
    researchInterests: record.researchInterests,
    representativeWork: record.representativeWork,
    honours: codes(record.honours),
    tags: record.tags,
    isExpert: record.isExpert,
    mobile: record.mobile,
    email: record.email,
    idNumber: record.idNumber,
  }),
  fromValues: (values, record) => ({
    ...recordFromValues(values, record),
    gender: values.gender ?? null,
    birthYear: values.birthYear ?? null,
    education: values.education ?? null,
    // A value chosen from the list replaces the text kept as written.
    educationText: values.education ? null : (record?.educationText ?? null),
    title: values.title ?? null,
    titleText: values.title ? null : (record?.titleText ?? null),
    employerName: clean(values.employerName),
    disciplines: values.disciplines ?? [],
    industries: values.industries ?? [],
    researchInterests: clean(values.researchInterests),
    representativeWork: clean(values.representativeWork),
    honours: values.honours ?? [],
    tags: cleanTags(values.tags),
    isExpert: values.isExpert ?? true,
    mobile: clean(values.mobile),
    email: cleanEmail(values.email),
    idNumber: clean(values.idNumber)?.toUpperCase() ?? null,
  }),
  defaults: { isExpert: true, disciplines: [], industries: [], honours: [], tags: [] },
  Fields: TalentFields,
};
