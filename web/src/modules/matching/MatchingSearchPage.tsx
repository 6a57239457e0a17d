import { AimOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { useDocumentTitle } from '../../app/title.ts';
import { DEFAULT_TOP, useMatchSearch } from './api.ts';
import { BatchMatchCard } from './BatchMatchCard.tsx';
import { MatchList, TARGET_KEYS } from './MatchList.tsx';
import { isMatchTarget, MATCH_TARGETS, type MatchTarget } from './types.ts';

interface SearchValues {
  text: string;
  against: MatchTarget;
  top: number;
}

/** The server reads the first 20,000 characters. */
const TEXT_MAX = 20_000;
const TOPS = [10, 20, 50];

/** 智能匹配: paste a description, pick what to look for, and see what fits best and why. */
export function MatchingSearchPage() {
  const t = useT();
  useDocumentTitle('menu.matching');
  const [form] = Form.useForm<SearchValues>();
  // The target is kept in the URL, so a link can open the page on it.
  const [searchParams, setSearchParams] = useSearchParams();
  const fromUrl = searchParams.get('against');
  const initialTarget: MatchTarget = isMatchTarget(fromUrl) ? fromUrl : 'experts';
  const search = useMatchSearch();

  const submit = (values: SearchValues) => {
    search.mutate({ text: values.text.trim(), against: values.against, top: values.top });
    if (values.against !== fromUrl) setSearchParams({ against: values.against }, { replace: true });
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space size={8}>
            <AimOutlined />
            {t('menu.matching')}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('matching.searchIntro')}</Typography.Paragraph>
        <Form<SearchValues>
          form={form}
          layout="vertical"
          initialValues={{ against: initialTarget, top: DEFAULT_TOP, text: '' }}
          onFinish={submit}
          data-testid="match-search-form"
        >
          <Form.Item
            name="text"
            label={t('matching.text')}
            rules={[
              { required: true, whitespace: true, message: t('matching.textRequired') },
              {
                max: TEXT_MAX,
                message: t('validation.tooLong', { label: t('matching.text'), max: TEXT_MAX }),
              },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 5, maxRows: 14 }}
              maxLength={TEXT_MAX}
              showCount
              placeholder={t('matching.textPlaceholder')}
              data-testid="match-search-text"
            />
          </Form.Item>
          <Row gutter={16} align="bottom">
            <Col xs={24} sm={10} md={8} lg={6}>
              <Form.Item name="against" label={t('matching.against')}>
                <Select
                  options={MATCH_TARGETS.map((target) => ({ value: target, label: t(TARGET_KEYS[target]) }))}
                  data-testid="match-search-against"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} md={6} lg={4}>
              <Form.Item name="top" label={t('matching.top')}>
                <Select
                  options={TOPS.map((top) => ({ value: top, label: t('matching.topOption', { top }) }))}
                />
              </Form.Item>
            </Col>
            <Col>
              <Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<AimOutlined />}
                  loading={search.isPending}
                  data-testid="match-search-submit"
                >
                  {t('matching.submit')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {(search.data || search.isPending || search.isError) && (
        <Card
          title={
            search.data
              ? t('matching.resultsOf', {
                  target: t(TARGET_KEYS[search.variables?.against ?? initialTarget]),
                })
              : t('matching.results')
          }
        >
          <MatchList
            against={search.data?.against ?? search.variables?.against ?? initialTarget}
            response={search.isPending ? undefined : search.data}
            loading={search.isPending}
            error={search.error}
          />
        </Card>
      )}
      <BatchMatchCard />
    </Space>
  );
}
