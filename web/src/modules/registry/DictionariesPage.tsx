import { EditOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, Input, Menu, Row, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { EMPTY } from '../../app/format.ts';
import { useI18n, useT } from '../../app/i18n.tsx';
import { PageError, PageLoading } from '../../app/PageState.tsx';
import { useDocumentTitle } from '../../app/title.ts';
import { useDebounced } from '../../app/useDebounced.ts';
import { useDictionary, useDictionaryKinds } from './api.ts';
import { DictionaryEntryModal } from './DictionaryEntryModal.tsx';
import { DICTIONARY_KINDS, type DictionaryEntry, type DictionaryKind, isDictionaryKind } from './types.ts';

/** 数据字典: the code lists on the left, the chosen list's entries on the right. */
export function DictionariesPage() {
  const { t, pick } = useI18n();
  useDocumentTitle('menu.dictionaries');
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('kind');
  const kind: DictionaryKind = isDictionaryKind(requested) ? requested : DICTIONARY_KINDS[0];
  const kinds = useDictionaryKinds();
  const chosen = kinds.data?.find((item) => item.kind === kind);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={6} xxl={5}>
        <Card title={t('menu.dictionaries')} styles={{ body: { padding: 8 } }}>
          {kinds.isPending ? (
            <PageLoading />
          ) : kinds.isError ? (
            <PageError error={kinds.error} onRetry={() => void kinds.refetch()} />
          ) : (
            <Menu
              mode="inline"
              selectedKeys={[kind]}
              style={{ borderInlineEnd: 'none' }}
              onClick={({ key }) => setSearchParams({ kind: key })}
              data-testid="dictionary-kinds"
              items={kinds.data.map((item) => ({
                key: item.kind,
                label: (
                  <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                    <span>{pick(item.name)}</span>
                    <Badge count={item.count} overflowCount={9999} color="#8c8c8c" showZero />
                  </Space>
                ),
              }))}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={18} xxl={19}>
        <EntriesCard
          key={kind}
          kind={kind}
          // The list by its name only (行业分类, not its key `industry`); blank until the names load.
          title={chosen ? pick(chosen.name) : ''}
        />
      </Col>
    </Row>
  );
}

type Dialog = { entry: DictionaryEntry | null } | null;

function matches(entry: DictionaryEntry, text: string): boolean {
  if (!text) return true;
  const needle = text.toLowerCase();
  return [entry.code, entry.name, ...entry.aliases].some((value) => value.toLowerCase().includes(needle));
}

function EntriesCard({ kind, title }: { kind: DictionaryKind; title: string }) {
  const t = useT();
  const navigate = useNavigate();
  const entries = useDictionary(kind);
  const [search, setSearch] = useState('');
  const text = useDebounced(search.trim(), 200);
  const [dialog, setDialog] = useState<Dialog>(null);
  const all = entries.data ?? [];
  const names = new Map(all.map((entry) => [entry.code, entry.name]));
  const rows = all.filter((entry) => matches(entry, text));
  const columns = useEntryColumns(names, (entry) => setDialog({ entry }));

  return (
    <Card
      title={<span data-testid="dictionary-title">{title}</span>}
      extra={
        <Space wrap>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ entry: null })}
            data-testid="dictionary-add"
          >
            {t('dict.add')}
          </Button>
          <Button
            icon={<UploadOutlined />}
            onClick={() => navigate(`/dictionaries/${kind}/import`)}
            data-testid="dictionary-import"
          >
            {t('common.import')}
          </Button>
        </Space>
      }
    >
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('dict.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        style={{ width: 280, marginBottom: 16 }}
        maxLength={64}
      />
      {entries.isPending ? (
        <PageLoading />
      ) : entries.isError ? (
        <PageError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : (
        <Table<DictionaryEntry>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1060 }}
          locale={{ emptyText: <Empty description={t('dict.empty')} /> }}
          data-testid="dictionary-entries"
          pagination={{
            defaultPageSize: 20,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      )}
      {dialog && (
        <DictionaryEntryModal
          kind={kind}
          entry={dialog.entry}
          entries={all}
          onClose={() => setDialog(null)}
        />
      )}
    </Card>
  );
}

function useEntryColumns(
  names: Map<string, string>,
  onEdit: (entry: DictionaryEntry) => void,
): ColumnsType<DictionaryEntry> {
  const t = useT();
  return [
    { title: t('dict.code'), dataIndex: 'code', width: 110, fixed: 'left' },
    { title: t('dict.name'), dataIndex: 'name', width: 220 },
    {
      title: t('dict.parent'),
      dataIndex: 'parentCode',
      width: 220,
      render: (code: string | null) =>
        code ? (
          <Space size={4}>
            <Typography.Text code>{code}</Typography.Text>
            {names.get(code) ?? ''}
          </Space>
        ) : (
          EMPTY
        ),
    },
    {
      title: t('dict.level'),
      dataIndex: 'level',
      width: 100,
      render: (level: string | null) => level ?? EMPTY,
    },
    {
      title: t('dict.aliases'),
      dataIndex: 'aliases',
      width: 240,
      render: (aliases: string[]) =>
        aliases.length === 0 ? (
          EMPTY
        ) : (
          <Space size={[4, 4]} wrap>
            {aliases.map((alias) => (
              <Tag key={alias} style={{ marginInlineEnd: 0 }}>
                {alias}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      title: t('dict.source'),
      dataIndex: 'builtIn',
      width: 90,
      render: (builtIn: boolean) =>
        builtIn ? <Tag color="blue">{t('dict.builtIn')}</Tag> : <Tag color="purple">{t('dict.custom')}</Tag>,
    },
    {
      title: t('dict.active'),
      dataIndex: 'active',
      width: 80,
      render: (active: boolean) =>
        active ? <Tag color="green">{t('dict.enabled')}</Tag> : <Tag>{t('dict.disabled')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 90,
      render: (_, entry) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(entry)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
}
