import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Space, type TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { downloadFile, errorMessage, type QueryParams } from './api.ts';
import { useT } from './i18n.tsx';
import { PAGE_SIZES } from './listParams.ts';

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
