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
  Form,
  type FormInstance,
  Input,
  Space,
  Table,
  type TablePaginationConfig,
  type TableProps,
} from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { downloadFile, errorMessage, type QueryParams, sameParams } from './api.ts';
import { formatDateTime } from './format.ts';
import { type Translate, useT } from './i18n.tsx';
import { type ListParamsCodec, PAGE_SIZES, type Paging } from './listParams.ts';
import { PageError } from './PageState.tsx';

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

/** A list page's table with server paging; the error and a retry when the first page cannot be read. */
export function ListTable<T extends object>({
  list,
  paging,
  ...table
}: { list: ListQuery<T>; paging: TablePaging } & Omit<
  TableProps<T>,
  'dataSource' | 'loading' | 'pagination' | 'onChange'
>) {
  if (list.isError && !list.data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
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

/** A list's filter form: the fields inline, then 查询 / 重置 (reset clears the form and searches with none). */
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
  return (
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
