import { Alert, App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import { actionFailedMessage } from '../../app/DetailPage.tsx';
import { useT } from '../../app/i18n.tsx';
import { useTransitionListItem } from './api.ts';
import { actionLabel } from './shared.tsx';
import type { ListItemView } from './types.ts';

/** The answers to the question, and what each says once given. */
const ANSWERS = [
  { action: 'solve', done: 'lists.solved.done', primary: true },
  { action: 'keepOpen', done: 'lists.solved.kept', primary: false },
] as const;

/**
 * 「该需求是否已解决？」: asked of the enterprise on its demand once an order of it
 * has closed with an outcome (the server stamps solvedAskedAt). 已解决 closes the
 * demand; 尚未解决 keeps it open and the question goes.
 */
export function SolvedQuestion({ item }: { item: ListItemView }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const transition = useTransitionListItem('demands');
  const [pending, setPending] = useState<(typeof ANSWERS)[number]['action'] | null>(null);
  // Only the owner answers, while the question stands (the server offers keepOpen only then).
  if (!item.solvedAskedAt || !item.own || !item.actions.includes('keepOpen')) return null;

  const answer = ({ action, done }: (typeof ANSWERS)[number]) => {
    setPending(action);
    transition
      .mutateAsync({ id: item.id, body: { action, version: item.version } })
      .then(
        () => void message.success(t(done)),
        (error: unknown) => void message.error(actionFailedMessage(t, error)),
      )
      .finally(() => setPending(null));
  };

  return (
    <Alert
      type="info"
      showIcon
      message={t('lists.solved.question')}
      description={t('lists.solved.hint')}
      style={{ marginBottom: 16 }}
      data-testid="list-solved-question"
      action={
        <Space direction="vertical">
          {ANSWERS.map((option) => (
            <Button
              key={option.action}
              type={option.primary ? 'primary' : 'default'}
              size="small"
              block
              loading={pending === option.action}
              disabled={pending !== null && pending !== option.action}
              onClick={() => answer(option)}
              data-testid={`list-solved-${option.action}`}
            >
              {actionLabel(t, option.action)}
            </Button>
          ))}
        </Space>
      }
    />
  );
}
