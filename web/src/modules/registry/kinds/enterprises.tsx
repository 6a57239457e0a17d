import { AutoComplete, Form, Input, Select } from 'antd';
import { show } from '../../../app/format.ts';
import { clean } from '../../../app/forms.ts';
import { useT } from '../../../app/i18n.tsx';
import { useDictionary } from '../api.ts';
import type { FieldsProps, KindConfig } from '../config.ts';
import { DictionarySelect } from '../DictionarySelect.tsx';
import {
  AddressDescriptionFields,
  ContactFields,
  FieldGrid,
  Full,
  Half,
  IdentityFields,
  useFieldExtra,
} from '../FormPieces.tsx';
import { enumLabel, enumOptions, NamedTags, names } from '../shared.tsx';
import { ENTERPRISE_SIZES, type EnterpriseSize } from '../types.ts';
import { creditCodeRules, maxRule } from '../validators.ts';
import { cleanEmail, codes, recordFromValues, recordInput } from './common.ts';

function isSize(value: string | null): value is EnterpriseSize {
  return (ENTERPRISE_SIZES as readonly (string | null)[]).includes(value);
}

/** 主导产业 is free text; the cluster list offers the usual names. */
export function ClusterInput(props: {
  value?: string | null;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const t = useT();
  const clusters = useDictionary('cluster');
  const options = (clusters.data ?? [])
    .filter((entry) => entry.active)
    .map((entry) => ({ value: entry.name }));
  return (
    <AutoComplete
      id={props.id}
      value={props.value ?? undefined}
      onChange={props.onChange}
      options={options}
      allowClear
      placeholder={t('registry.form.clusterPlaceholder')}
      filterOption={(input, option) => (option?.value ?? '').includes(input.trim())}
    />
  );
}

function EnterpriseFields({ record, mode }: FieldsProps<'enterprises'>) {
  const t = useT();
  const extra = useFieldExtra(record);
  return (
    <FieldGrid>
      <IdentityFields record={record} mode={mode} nameKey="registry.enterprises.name" />
      {mode !== 'profile' && (
        <Full>
          <Form.Item
            name="creditCode"
            label={t('field.creditCode')}
            rules={creditCodeRules(t)}
            normalize={(value: string) => value.toUpperCase()}
          >
            <Input maxLength={18} allowClear />
          </Form.Item>
        </Full>
      )}
      <Full>
        <Form.Item name="industries" label={t('registry.enterprises.industries')} extra={extra('industries')}>
          <DictionarySelect kind="industry" multiple current={record?.industries} />
        </Form.Item>
      </Full>
      <Half>
        <Form.Item name="cluster" label={t('field.cluster')} rules={[maxRule(t, t('field.cluster'), 64)]}>
          <ClusterInput />
        </Form.Item>
      </Half>
      <Half>
        <Form.Item name="size" label={t('field.size')} extra={extra('size')}>
          <Select allowClear options={enumOptions(t, 'size', ENTERPRISE_SIZES)} />
        </Form.Item>
      </Half>
      <Full>
        <Form.Item name="qualifications" label={t('field.qualifications')} extra={extra('qualifications')}>
          <DictionarySelect kind="qualification" multiple current={record?.qualifications} />
        </Form.Item>
      </Full>
      <ContactFields
        person="contactName"
        personLabel="field.contactName"
        mobile="contactMobile"
        mobileLabel="field.contactMobile"
        masked={record?.contactMobile ?? null}
        email="contactEmail"
      />
      <AddressDescriptionFields descriptionLabel="registry.enterprises.description" />
    </FieldGrid>
  );
}

export const enterpriseConfig: KindConfig<'enterprises'> = {
  kind: 'enterprises',
  path: '/registry/enterprises',
  titleKey: 'menu.enterprises',
  nounKey: 'registry.noun.enterprises',
  nameKey: 'registry.enterprises.name',
  filters: ['industry', 'qualification'],
  mobileField: 'contactMobile',
  scrollX: 1600,
  columns: (t) => [
    { title: t('field.creditCode'), dataIndex: 'creditCode', width: 190, render: show },
    {
      title: t('registry.enterprises.industries'),
      dataIndex: 'industries',
      width: 200,
      ellipsis: true,
      render: names,
    },
    {
      title: t('field.size'),
      dataIndex: 'size',
      width: 80,
      render: (size: string | null) => enumLabel(t, 'size', size),
    },
    {
      title: t('field.qualifications'),
      dataIndex: 'qualifications',
      width: 200,
      ellipsis: true,
      render: names,
    },
    { title: t('field.contactName'), dataIndex: 'contactName', width: 100, render: show },
    { title: t('field.contactMobile'), dataIndex: 'contactMobile', width: 130, render: show },
  ],
  details: (record, t, { revealed }) => [
    { key: 'creditCode', label: t('field.creditCode'), children: show(record.creditCode) },
    { key: 'size', label: t('field.size'), children: enumLabel(t, 'size', record.size) },
    {
      key: 'industries',
      label: t('registry.enterprises.industries'),
      children: <NamedTags items={record.industries} color="cyan" />,
      wide: true,
    },
    { key: 'cluster', label: t('field.cluster'), children: show(record.cluster), wide: true },
    {
      key: 'qualifications',
      label: t('field.qualifications'),
      children: <NamedTags items={record.qualifications} color="green" />,
      wide: true,
    },
    { key: 'contactName', label: t('field.contactName'), children: show(record.contactName) },
    {
      key: 'contactMobile',
      label: t('field.contactMobile'),
      children: show(revealed ? revealed.mobile : record.contactMobile),
    },
    { key: 'contactEmail', label: t('field.contactEmail'), children: show(record.contactEmail) },
    { key: 'address', label: t('field.address'), children: show(record.address) },
    {
      key: 'description',
      label: t('registry.enterprises.description'),
      children: show(record.description),
      wide: true,
    },
  ],
  toInput: (record) => ({
    ...recordInput(record),
    creditCode: record.creditCode,
    industries: codes(record.industries),
    cluster: record.cluster,
    size: isSize(record.size) ? record.size : null,
    qualifications: codes(record.qualifications),
    contactName: record.contactName,
    contactMobile: record.contactMobile,
    contactEmail: record.contactEmail,
    address: record.address,
    description: record.description,
  }),
  fromValues: (values, record) => ({
    ...recordFromValues(values, record),
    creditCode: clean(values.creditCode)?.toUpperCase() ?? null,
    industries: values.industries ?? [],
    cluster: clean(values.cluster),
    size: values.size ?? null,
    qualifications: values.qualifications ?? [],
    contactName: clean(values.contactName),
    contactMobile: clean(values.contactMobile),
    contactEmail: cleanEmail(values.contactEmail),
    address: clean(values.address),
    description: clean(values.description),
  }),
  defaults: { industries: [], qualifications: [] },
  Fields: EnterpriseFields,
};
