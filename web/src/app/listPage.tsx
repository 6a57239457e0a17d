import {
  DownloadOutlined,
  EditOutlined,
  EyeOutlined,
  ReloadOutlined,
  SearchOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  type CardProps,
  Descriptions,
  Empty,
  Form,
  type FormInstance,
  Input,
  Pagination,
  Space,
  Spin,
  Table,
  type TablePaginationConfig,
  type TableProps,
} from 'antd';
import type { ColumnType } from 'antd/es/table';
import { isValidElement, type Key, type ReactNode, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { downloadFile, errorMessage, type QueryParams, sameParams } from './api.ts';
import { formatDateTime } from './format.ts';
import { type Translate, useT } from './i18n.tsx';
import { type ListParamsCodec, PAGE_SIZES, type Paging } from './listParams.ts';
import { PageError } from './PageState.tsx';
import { TouchTargets, usePhone } from './phone.tsx';

/**
 * What a list page hands the pages it opens (a record, an import), so that
 * their back button returns to the list as it was left: its filters and page.
 */
export interface FromList {
  listSearch?: string;
}

/** The back action of a page opened from a list: to `listPath` with the filters it was left with. */
export function useBackToList(listPath: string): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  const listSearch = (location.state as FromList | null)?.listSearch ?? '';
  return () => navigate(`${listPath}${listSearch}`);
}

/** A list page's parameters, read from its URL and written back to it. */
export interface ListUrl<P extends Paging> {
  params: P;
  /** Handed to the pages the list opens, so that their back button returns to it as it is now. */
  fromList: FromList;
  /** Puts new parameters in the URL (the page then reads them). */
  show: (next: P) => void;
}

/** The parameters of a list page, kept in its URL by `codec` (the module's filter fields). */
export function useListUrl<F extends object>(codec: ListParamsCodec<F>): ListUrl<F & Paging> {
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  return {
    params: codec.read(searchParams),
    fromList: { listSearch: location.search },
    show: (next) => setSearchParams(codec.write(next)),
  };
}

/** What a list page's query gives: a page of items, the total, and how to ask again. */
export interface ListQuery<T> {
  data?: { items: T[]; total: number; totalCapped?: boolean };
  error: unknown;
  isError: boolean;
  isFetching: boolean;
  refetch: () => unknown;
}

/** The paging of a list page's table (useTablePaging), for ListTable. */
export type TablePaging = ReturnType<typeof useTablePaging>;

/**
 * A list page's mechanics over its URL and its query: `apply` shows new parameters (a search
 * with unchanged filters still asks the server again), and the table's paging.
 */
export function useListPaging<P extends Paging>(
  url: ListUrl<P>,
  list: ListQuery<unknown>,
): { apply: (next: P) => void; paging: TablePaging } {
  const apply = (next: P) => {
    // Pressing search with unchanged filters still asks the server again.
    if (sameParams(next, url.params)) void list.refetch();
    else url.show(next);
  };
  const paging = useTablePaging(url.params, list.data?.total ?? 0, apply, list.data?.totalCapped === true);
  return { apply, paging };
}

/**
 * A list page's card: its title with the page's tools (新建, 导入, 导出 …) beside it, or on a phone
 * under it (beside it they would squeeze the title out or push the page wider), touch-sized.
 */
export function ListPageCard({ extra, children, ...card }: CardProps) {
  const phone = usePhone();
  return (
    <TouchTargets on={phone}>
      <Card {...card} extra={phone ? undefined : extra}>
        {phone && extra ? <div style={{ marginBottom: 12 }}>{extra}</div> : null}
        {children}
      </Card>
    </TouchTargets>
  );
}

/**
 * A list page's table with server paging; the error and a retry when the first page cannot be read.
 * On a phone each row is a card instead (ListCards), unless `cards` is false (a list whose rows
 * make no sense as cards); `cardTitle` names the column that titles a card.
 */
export function ListTable<T extends object>({
  list,
  paging,
  cards = true,
  cardTitle,
  ...table
}: {
  list: ListQuery<T>;
  paging: TablePaging;
  cards?: boolean;
  /** The key or dataIndex of the card's title column; by default `title` or `name`, else the first. */
  cardTitle?: string;
} & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'onChange'>) {
  const phone = usePhone();
  if (list.isError && !list.data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  if (phone && cards) return <ListCards list={list} paging={paging} cardTitle={cardTitle} {...table} />;
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      {...paging}
      {...table}
    />
  );
}

type Column<T> = ColumnType<T> & { children?: Column<T>[] };

/** A column's own key: its key, else its dataIndex (a path joined with dots). */
function columnKey<T>(column: Column<T>, index: number): string {
  if (column.key !== undefined) return String(column.key);
  const path = column.dataIndex;
  if (Array.isArray(path)) return path.join('.');
  return path !== undefined ? String(path) : String(index);
}

/** What a column shows for a row, as the table would render it. */
function cellOf<T extends object>(column: Column<T>, row: T, index: number): ReactNode {
  const path = column.dataIndex;
  const parts = Array.isArray(path) ? path : path === undefined ? [] : [path];
  let value: unknown = parts.length > 0 ? row : undefined;
  for (const part of parts) value = (value as Record<string, unknown> | undefined)?.[String(part)];
  const cell: unknown = column.render ? column.render(value, row, index) : value;
  // A render may answer { children, props } (colSpan and the like): only its content counts here.
  if (cell && typeof cell === 'object' && !isValidElement(cell) && 'children' in cell) {
    return (cell as { children: ReactNode }).children;
  }
  return cell as ReactNode;
}

function titleOf<T>(column: Column<T>): ReactNode {
  return typeof column.title === 'function' ? column.title({}) : column.title;
}

/**
 * A list's rows as cards, for a phone: the row's main column as the title, the other
 * visible columns as label: value pairs under their column titles, the row's actions
 * (the `actions` column) as 44 px buttons; the same paging, the same test id as the table.
 */
function ListCards<T extends object>({
  list,
  paging,
  cardTitle,
  columns = [],
  rowKey = 'id',
  onRow,
  locale,
  'data-testid': testId,
}: {
  list: ListQuery<T>;
  paging: TablePaging;
  cardTitle?: string;
} & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'onChange'> & {
    'data-testid'?: string;
  }) {
  const flat = (cols: Column<T>[]): Column<T>[] =>
    cols.filter((c) => !c.hidden).flatMap((c) => (c.children ? flat(c.children) : [c]));
  const shown = flat(columns as Column<T>[]);
  const keys = shown.map(columnKey);
  const actionsAt = keys.indexOf('actions');
  const wanted = cardTitle ? [cardTitle] : ['title', 'name'];
  const found = keys.findIndex((k) => wanted.includes(k));
  const titleAt = found >= 0 ? found : keys.findIndex((_, i) => i !== actionsAt);
  const items = list.data?.items ?? [];
  const keyOf = (row: T, index: number): Key =>
    typeof rowKey === 'function'
      ? rowKey(row, index)
      : String((row as Record<string, unknown>)[String(rowKey)] ?? index);
  const { pagination, onChange } = paging;

  return (
    <TouchTargets on>
      <Spin spinning={list.isFetching}>
        <div data-testid={testId} data-layout="cards">
          {items.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={typeof locale?.emptyText === 'function' ? locale.emptyText() : locale?.emptyText}
            />
          ) : (
            <Space direction="vertical" size={12} style={{ width: '100%' }}>
              {items.map((row, index) => {
                const rowProps = onRow?.(row, index) ?? {};
                return (
                  <Card
                    key={keyOf(row, index)}
                    size="small"
                    title={titleAt >= 0 ? cellOf(shown[titleAt]!, row, index) : undefined}
                    style={rowProps.style}
                    styles={{ title: { whiteSpace: 'normal' } }}
                    data-testid="list-card"
                  >
                    <Descriptions column={1} size="small" colon>
                      {shown.map((column, i) =>
                        i === titleAt || i === actionsAt ? null : (
                          <Descriptions.Item key={keys[i]} label={titleOf(column)}>
                            {cellOf(column, row, index)}
                          </Descriptions.Item>
                        ),
                      )}
                    </Descriptions>
                    {actionsAt >= 0 && (
                      <div style={{ marginTop: 8 }} data-testid="list-card-actions">
                        {cellOf(shown[actionsAt]!, row, index)}
                      </div>
                    )}
                  </Card>
                );
              })}
            </Space>
          )}
          {(pagination.total ?? 0) > 0 && (
            <Pagination
              simple
              style={{ marginTop: 16, justifyContent: 'center' }}
              current={pagination.current}
              pageSize={pagination.pageSize}
              total={pagination.total}
              showTotal={pagination.showTotal}
              onChange={(current, pageSize) => onChange({ current, pageSize })}
            />
          )}
        </div>
      </Spin>
    </TouchTargets>
  );
}

/** The 更新时间 column of a list's table. */
export function updatedAtColumn<T>(t: Translate): ColumnType<T> {
  return {
    title: t('field.updatedAt'),
    dataIndex: 'updatedAt',
    width: 150,
    render: (value: string) => formatDateTime(value),
  };
}

/**
 * The 操作 column of a list's table: 查看 opens the row's page, and 编辑 (on rows that
 * `edit.allowed`) its edit drawer. Pinned to the right unless `fixed` is false.
 */
export function actionsColumn<T>(
  t: Translate,
  {
    width,
    fixed = true,
    onView,
    edit,
  }: {
    width: number;
    fixed?: boolean;
    onView: (row: T) => void;
    edit?: { allowed: (row: T) => boolean; onEdit: (row: T) => void; testId?: string };
  },
): ColumnType<T> {
  const view = (row: T) => (
    <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => onView(row)}>
      {t('common.view')}
    </Button>
  );
  return {
    title: t('common.actions'),
    key: 'actions',
    ...(fixed ? { fixed: 'right' as const } : {}),
    width,
    render: (_, row) =>
      edit ? (
        <Space size={0}>
          {view(row)}
          {edit.allowed(row) && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => edit.onEdit(row)}
              data-testid={edit.testId}
            >
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ) : (
        view(row)
      ),
  };
}

/**
 * A list page's table paging, kept in its URL parameters: the antd
 * pagination (sizes, total) and the change handler that writes page and size back.
 */
export function useTablePaging<P extends { page: number; pageSize: number }>(
  params: P,
  total: number,
  apply: (next: P) => void,
  /** The server stopped counting at `total` (a very long list): "more than N". */
  totalCapped = false,
): { pagination: TablePaginationConfig; onChange: (pagination: TablePaginationConfig) => void } {
  const t = useT();
  return {
    pagination: {
      current: params.page,
      pageSize: params.pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: [...PAGE_SIZES],
      showTotal: (n) =>
        totalCapped ? t('common.totalCapped', { total: n }) : t('common.total', { total: n }),
    },
    onChange: (pagination) =>
      apply({ ...params, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? params.pageSize }),
  };
}

/** 查询 / 重置 at the end of a filter form (reset clears the form and searches with no filters). */
export function FilterButtons({ onReset, searchTestId }: { onReset: () => void; searchTestId?: string }) {
  const t = useT();
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={searchTestId}>
          {t('common.search')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={onReset}>
          {t('common.reset')}
        </Button>
      </Space>
    </Form.Item>
  );
}

/**
 * A list's filter form: the fields inline (wrapping on a phone, with 44 px fields and buttons),
 * then 查询 / 重置 (reset clears the form and searches with none).
 */
export function FilterForm<V extends object>({
  form,
  initialValues,
  onFinish,
  onReset,
  testId,
  searchTestId,
  children,
}: {
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  onFinish: (values: V) => void;
  /** Searches with no filters. */
  onReset: () => void;
  testId: string;
  searchTestId: string;
  children: ReactNode;
}) {
  const phone = usePhone();
  return (
    <TouchTargets on={phone}>
      <Form<V>
        form={form}
        layout="inline"
        initialValues={initialValues}
        onFinish={onFinish}
        style={{ marginBottom: 16, rowGap: 12 }}
        data-testid={testId}
      >
        {children}
        <FilterButtons
          searchTestId={searchTestId}
          onReset={() => {
            form.resetFields();
            onReset();
          }}
        />
      </Form>
    </TouchTargets>
  );
}

/** The free-text search of a filter form (the field `q`, up to 64 characters). */
export function SearchField({
  placeholder,
  width = 220,
  testId,
}: {
  placeholder: string;
  width?: number;
  testId?: string;
}) {
  return (
    <Form.Item name="q">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={placeholder}
        style={{ width }}
        maxLength={64}
        data-testid={testId}
      />
    </Form.Item>
  );
}

/** 导入 in a list's header: opens the list's import page, whose back button returns to the list as it is now. */
export function ImportButton({
  listPath,
  fromList,
  testId,
}: {
  listPath: string;
  fromList: FromList;
  testId: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Button
      icon={<UploadOutlined />}
      onClick={() => navigate(`${listPath}/import`, { state: fromList })}
      data-testid={testId}
    >
      {t('common.import')}
    </Button>
  );
}

/** Excel and CSV downloads of what the filters select; `testId` prefixes the buttons' test ids. */
export function ExportButtons({
  path,
  fileName,
  filters,
  testId,
}: {
  /** The export route, e.g. /api/registry/talents/export. */
  path: string;
  /** The download's name (without extension) when the server names none. */
  fileName: string;
  filters: QueryParams;
  testId: string;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    try {
      const file = await downloadFile(path, { ...filters, format }, `${fileName}.${format}`);
      void message.success(
        file.rowCount === null
          ? t('common.exportedFile', { file: file.fileName })
          : t('common.exported', { count: file.rowCount }),
      );
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'xlsx'}
        disabled={busy !== null}
        onClick={() => void run('xlsx')}
        data-testid={`${testId}-export-xlsx`}
      >
        {t('common.exportXlsx')}
      </Button>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'csv'}
        disabled={busy !== null}
        onClick={() => void run('csv')}
        data-testid={`${testId}-export-csv`}
      >
        {t('common.exportCsv')}
      </Button>
    </>
  );
}
