import { Form, Select, Tag } from 'antd';
import { EMPTY, show } from '../../../app/format.ts';
import { clean } from '../../../app/forms.ts';
import { useT } from '../../../app/i18n.tsx';
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
import { INSTITUTION_KINDS, type InstitutionKind } from '../types.ts';
import { cleanEmail, codes, recordFromValues, recordInput } from './common.ts';

function isInstitutionKind(value: string): value is InstitutionKind {
  return (INSTITUTION_KINDS as readonly string[]).includes(value);
}

function InstitutionFields({ record, mode }: FieldsProps<'institutions'>) {
  const t = useT();
  const extra = useFieldExtra(record);
  return (
    <FieldGrid>
      <IdentityFields record={record} mode={mode} nameKey="registry.institutions.name" />
      <Half>
        <Form.Item name="kind" label={t('registry.institutions.kind')} extra={extra('kind')}>
          <Select options={enumOptions(t, 'institutionKind', INSTITUTION_KINDS)} />
        </Form.Item>
      </Half>
      <Full>
        <Form.Item
          name="disciplines"
          label={t('registry.institutions.disciplines')}
          extra={extra('disciplines')}
        >
          <DictionarySelect kind="discipline" multiple current={record?.disciplines} />
        </Form.Item>
      </Full>
      <ContactFields
        person="contactName"
        personLabel="registry.institutions.contactName"
        mobile="contactMobile"
        mobileLabel="field.contactMobile"
        masked={record?.contactMobile ?? null}
        email="contactEmail"
      />
      <AddressDescriptionFields />
    </FieldGrid>
  );
}

export const institutionConfig: KindConfig<'institutions'> = {
  kind: 'institutions',
  path: '/registry/institutions',
  titleKey: 'menu.institutions',
  nounKey: 'registry.noun.institutions',
  nameKey: 'registry.institutions.name',
  filters: ['kind', 'discipline'],
  mobileField: 'contactMobile',
  scrollX: 1400,
  columns: (t) => [
    {
      title: t('registry.institutions.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (kind: string) => <Tag>{enumLabel(t, 'institutionKind', kind)}</Tag>,
    },
    {
      title: t('registry.institutions.disciplines'),
      dataIndex: 'disciplines',
      width: 220,
      ellipsis: true,
      render: names,
    },
    {
      title: t('field.expertCount'),
      dataIndex: 'expertCount',
      width: 90,
      align: 'right',
      render: (count: number | undefined) => count ?? EMPTY,
    },
    { title: t('registry.institutions.contactName'), dataIndex: 'contactName', width: 130, render: show },
    { title: t('field.contactMobile'), dataIndex: 'contactMobile', width: 130, render: show },
  ],
  details: (record, t, { revealed }) => [
    {
      key: 'kind',
      label: t('registry.institutions.kind'),
      children: enumLabel(t, 'institutionKind', record.kind),
    },
    { key: 'expertCount', label: t('field.expertCount'), children: show(record.expertCount) },
    {
      key: 'disciplines',
      label: t('registry.institutions.disciplines'),
      children: <NamedTags items={record.disciplines} color="blue" />,
      wide: true,
    },
    { key: 'contactName', label: t('registry.institutions.contactName'), children: show(record.contactName) },
    {
      key: 'contactMobile',
      label: t('field.contactMobile'),
      children: show(revealed ? revealed.mobile : record.contactMobile),
    },
    { key: 'contactEmail', label: t('field.contactEmail'), children: show(record.contactEmail) },
    { key: 'address', label: t('field.address'), children: show(record.address) },
    { key: 'description', label: t('field.description'), children: show(record.description), wide: true },
  ],
  toInput: (record) => ({
    ...recordInput(record),
    kind: isInstitutionKind(record.kind) ? record.kind : 'other',
    disciplines: codes(record.disciplines),
    contactName: record.contactName,
    contactMobile: record.contactMobile,
    contactEmail: record.contactEmail,
    address: record.address,
    description: record.description,
  }),
  fromValues: (values, record) => ({
    ...recordFromValues(values, record),
    kind: values.kind ?? 'university',
    disciplines: values.disciplines ?? [],
    contactName: clean(values.contactName),
    contactMobile: clean(values.contactMobile),
    contactEmail: cleanEmail(values.contactEmail),
    address: clean(values.address),
    description: clean(values.description),
  }),
  defaults: { kind: 'university', disciplines: [] },
  Fields: InstitutionFields,
};
