import { EyeOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Popconfirm } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { useRevealRecord } from './api.ts';
import type { RegistryKind, RevealResult } from './types.ts';

interface Props {
  kind: RegistryKind;
  id: string;
  /** Whether the record holds masked personal data at all. */
  hasPersonalData: boolean;
  revealed: boolean;
  onRevealed: (result: RevealResult) => void;
}

/** 查看完整信息: asks the server for the unmasked values; every reveal is logged. */
export function RevealButton({ kind, id, hasPersonalData, revealed, onRevealed }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const canReveal = useCan('personal.reveal');
  const reveal = useRevealRecord(kind);
  if (!canReveal || !hasPersonalData || revealed) return null;
  return (
    <Popconfirm
      title={t('registry.reveal')}
      description={t('registry.revealConfirm')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        reveal.mutateAsync(id).then(onRevealed, (error: unknown) => {
          void message.error(errorMessage(error));
        })
      }
    >
      <Button icon={<EyeOutlined />} loading={reveal.isPending} data-testid="record-reveal">
        {t('registry.reveal')}
      </Button>
    </Popconfirm>
  );
}
