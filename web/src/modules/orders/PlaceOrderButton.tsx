import { ShoppingCartOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage, newIdempotencyKey } from '../../app/api.ts';
import { applyServerErrors, clean } from '../../app/forms.ts';
import { useT } from '../../app/i18n.tsx';
import { usePlaceOrder } from './api.ts';

/** 点单: the enterprise (or an operator for it) orders help with a published demand, then sees the order. */
export function PlaceOrderButton({ demandId, title }: { demandId: string; title: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        type="primary"
        icon={<ShoppingCartOutlined />}
        onClick={() => setOpen(true)}
        data-testid="order-place"
      >
        {t('orders.place')}
      </Button>
      {open && <PlaceOrderModal demandId={demandId} title={title} onClose={() => setOpen(false)} />}
    </>
  );
}

function PlaceOrderModal({
  demandId,
  title,
  onClose,
}: {
  demandId: string;
  title: string;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ description?: string }>();
  const place = usePlaceOrder();
  // One key per opening: a double submit places one order.
  const [key] = useState(newIdempotencyKey);
  const okButton: ButtonProps & { 'data-testid': string } = {
    loading: place.isPending,
    'data-testid': 'order-place-submit',
  };

  const submit = (values: { description?: string }) => {
    const description = clean(values.description);
    place.mutate(
      { body: { demandId, ...(description ? { description } : {}) }, key },
      {
        onSuccess: (order) => {
          void message.success(t('orders.placed', { code: order.code }));
          onClose();
          navigate(`/orders/${order.id}`);
        },
        onError: (error) => {
          applyServerErrors(form, error);
        },
      },
    );
  };

  return (
    <Modal
      open
      width={600}
      title={t('orders.placeTitle', { title })}
      okText={t('orders.placeSubmit')}
      okButtonProps={okButton}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('orders.placeIntro')}</Typography.Paragraph>
      <Form<{ description?: string }> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="description"
          label={t('orders.placeDescription')}
          extra={t('orders.placeDescriptionHint')}
          rules={[
            {
              max: 4000,
              message: t('validation.tooLong', { label: t('orders.placeDescription'), max: 4000 }),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={4000}
            showCount
            data-testid="order-place-description"
          />
        </Form.Item>
      </Form>
      {place.isError && (
        <Alert type="error" showIcon message={errorMessage(place.error)} data-testid="order-place-error" />
      )}
    </Modal>
  );
}
