import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Form, Space, type TablePaginationConfig } from 'antd';
import { PAGE_SIZES } from '../modules/registry/listParams.ts';
import { useT } from './i18n.tsx';

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
        totalCapped ? t('registry.totalCapped', { total: n }) : t('common.total', { total: n }),
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
