import { STATUS_NAMES as LIST_STATUS_NAMES, type Status } from '@server/modules/lists/machine.ts';
import { Alert, App as AntApp, Button, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { applyServerErrors, clean } from '../../app/forms.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { useRefineDemand } from './api-commissioners.ts';
import type { VisitView } from './types.ts';

interface RefineValues {
  title?: string;
  description?: string;
  keywords?: string[];
}

/** 草稿 is the enterprise's to confirm: said so; other statuses by the list's names. */
function RefinedStatus({ status }: { status: string }) {
  const { t, pick } = useI18n();
  if (status === 'draft') {
    return (
      <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="refined-status">
        {t('standing.refine.awaiting')}
      </Tag>
    );
  }
  const name = LIST_STATUS_NAMES[status as Status];
  return (
    <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="refined-status">
      {name ? pick(name) : status}
    </Tag>
  );
}

/**
 * 凝练需求: the technical demands refined from what the enterprise said at the visit — listed with
 * where they stand (a draft awaits the enterprise's confirmation) — and, for the commissioner or
 * the region's operator, the form that enters another as the enterprise's draft.
 */
export function RefineDemands({ visit }: { visit: VisitView }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const canOpen = useCan('lists.read');
  const refine = useRefineDemand(visit.id);
  const [form] = Form.useForm<RefineValues>();
  if (!visit.canRefine && visit.refinedDemands.length === 0) return null;
  const submit = (values: RefineValues) =>
    refine.mutate(
      {
        title: clean(values.title) ?? '',
        description: clean(values.description) ?? '',
        keywords: (values.keywords ?? []).map((k) => k.trim()).filter(Boolean),
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('standing.refine.saved'));
        },
        onError: (error) => applyServerErrors(form, error),
      },
    );
  return (
    <div data-testid="refine">
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('standing.refine.title')}
      </Typography.Title>
      {visit.refinedDemands.length > 0 && (
        <List
          size="small"
          dataSource={visit.refinedDemands}
          renderItem={(d) => (
            <List.Item data-testid="refined-demand">
              <Space size={6} wrap>
                {canOpen ? (
                  <Link to={`/lists/demands/${d.id}`}>
                    {d.code} {d.title}
                  </Link>
                ) : (
                  <span>
                    {d.code} {d.title}
                  </span>
                )}
                <RefinedStatus status={d.status} />
              </Space>
            </List.Item>
          )}
          style={{ marginBottom: 12 }}
        />
      )}
      {visit.canRefine && (
        <Form<RefineValues> form={form} layout="vertical" onFinish={submit}>
          <Typography.Paragraph type="secondary">{t('standing.refine.hint')}</Typography.Paragraph>
          <Form.Item
            name="title"
            label={t('standing.refine.demandTitle')}
            rules={[
              { required: true, whitespace: true, message: t('standing.refine.titleRule') },
              { min: 4, max: 200, message: t('standing.refine.titleRule') },
            ]}
          >
            <Input maxLength={200} data-testid="refine-title" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('standing.refine.description')}
            rules={[
              { required: true, whitespace: true, message: t('standing.refine.descriptionRule') },
              { min: 10, max: 5000, message: t('standing.refine.descriptionRule') },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={5000}
              data-testid="refine-description"
            />
          </Form.Item>
          <Form.Item
            name="keywords"
            label={t('standing.refine.keywords')}
            extra={t('standing.refine.keywordsHint')}
          >
            <Select
              mode="tags"
              maxCount={10}
              open={false}
              tokenSeparators={[',', '，', ' ', '、']}
              data-testid="refine-keywords"
            />
          </Form.Item>
          {refine.isError && (
            <Alert type="error" showIcon message={errorMessage(refine.error)} style={{ marginBottom: 12 }} />
          )}
          <Button type="primary" htmlType="submit" loading={refine.isPending} data-testid="refine-save">
            {t('standing.refine.save')}
          </Button>
        </Form>
      )}
    </div>
  );
}
