import type { UseMutationResult } from '@tanstack/react-query';
import { Alert } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { ReasonModal } from '../../app/ReasonModal.tsx';

/** What ending a term or a duty takes: the record, why, and the version it was read at. */
type End = UseMutationResult<unknown, Error, { id: string; reason: string; version: number }>;

/**
 * 提前结束 a commissioner's term or 结束 a contact duty, saying why (at least
 * two characters, as the server asks); the server's refusal shows under it.
 */
export function EndWithReason({
  end,
  record,
  texts,
  testIds,
  onClose,
}: {
  end: End;
  record: { id: string; version: number };
  texts: { title: string; okText: string; label: string; hint: string; required: string };
  testIds: { submit: string; input: string };
  onClose: () => void;
}) {
  return (
    <>
      <ReasonModal
        title={texts.title}
        okText={texts.okText}
        label={texts.label}
        hint={texts.hint}
        requiredMessage={texts.required}
        loading={end.isPending}
        onCancel={onClose}
        onSubmit={(reason) =>
          reason && reason.length >= 2
            ? end.mutate({ id: record.id, reason, version: record.version }, { onSuccess: onClose })
            : undefined
        }
        submitTestId={testIds.submit}
        inputTestId={testIds.input}
      />
      {end.isError && <Alert type="error" showIcon message={errorMessage(end.error)} />}
    </>
  );
}
