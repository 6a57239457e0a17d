import { Form, Input, Select, Tag } from 'antd';
import { show } from '../../../app/format.ts';
import { clean } from '../../../app/forms.ts';
import { useT } from '../../../app/i18n.tsx';
import type { FieldsProps, KindConfig } from '../config.ts';
import {
  AddressDescriptionFields,
  ContactFields,
  FieldGrid,
  Full,
  Half,
  IdentityFields,
} from '../FormPieces.tsx';
import { enumLabel, enumOptions } from '../shared.tsx';
import { STATION_KINDS, type StationKind } from '../types.ts';
import { maxRule } from '../validators.ts';
import { recordFromValues, recordInput } from './common.ts';

function isStationKind(value: string): value is StationKind {
  return (STATION_KINDS as readonly string[]).includes(value);
}

function StationFields({ record, mode }: FieldsProps<'stations'>) {
  const t = useT();
  return (
    <FieldGrid>
      <IdentityFields record={record} mode={mode} nameKey="registry.stations.name" />
      <Half>
        <Form.Item name="kind" label={t('registry.stations.kind')}>
          <Select options={enumOptions(t, 'stationKind', STATION_KINDS)} />
        </Form.Item>
      </Half>
      <Full>
        <Form.Item name="hostName" label={t('field.hostName')} rules={[maxRule(t, t('field.hostName'), 128)]}>
          <Input maxLength={128} />
        </Form.Item>
      </Full>
      <ContactFields
        person="liaisonName"
        personLabel="field.liaisonName"
        mobile="liaisonMobile"
        mobileLabel="field.liaisonMobile"
        masked={record?.liaisonMobile ?? null}
      />
      <AddressDescriptionFields />
    </FieldGrid>
  );
}

export const stationConfig: KindConfig<'stations'> = {
  kind: 'stations',
  path: '/registry/stations',
  titleKey: 'menu.stations',
  nounKey: 'registry.noun.stations',
  nameKey: 'registry.stations.name',
  filters: ['kind'],
  mobileField: 'liaisonMobile',
  scrollX: 1300,
  columns: (t) => [
    {
      title: t('registry.stations.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (kind: string) => (
        <Tag color={kind === 'workstation' ? 'purple' : 'blue'}>{enumLabel(t, 'stationKind', kind)}</Tag>
      ),
    },
    { title: t('field.hostName'), dataIndex: 'hostName', width: 200, ellipsis: true, render: show },
    { title: t('field.liaisonName'), dataIndex: 'liaisonName', width: 100, render: show },
    { title: t('field.liaisonMobile'), dataIndex: 'liaisonMobile', width: 130, render: show },
  ],
  details: (record, t, { revealed }) => [
    { key: 'kind', label: t('registry.stations.kind'), children: enumLabel(t, 'stationKind', record.kind) },
    { key: 'hostName', label: t('field.hostName'), children: show(record.hostName) },
    { key: 'liaisonName', label: t('field.liaisonName'), children: show(record.liaisonName) },
    {
      key: 'liaisonMobile',
      label: t('field.liaisonMobile'),
      children: show(revealed ? revealed.mobile : record.liaisonMobile),
    },
    { key: 'address', label: t('field.address'), children: show(record.address), wide: true },
    { key: 'description', label: t('field.description'), children: show(record.description), wide: true },
  ],
  toInput: (record) => ({
    ...recordInput(record),
    kind: isStationKind(record.kind) ? record.kind : 'station',
    hostName: record.hostName,
    liaisonName: record.liaisonName,
    liaisonMobile: record.liaisonMobile,
    address: record.address,
    description: record.description,
  }),
  fromValues: (values, record) => ({
    ...recordFromValues(values, record),
    kind: values.kind ?? 'station',
    hostName: clean(values.hostName),
    liaisonName: clean(values.liaisonName),
    liaisonMobile: clean(values.liaisonMobile),
    address: clean(values.address),
    description: clean(values.description),
  }),
  defaults: { kind: 'station' },
  Fields: StationFields,
};
