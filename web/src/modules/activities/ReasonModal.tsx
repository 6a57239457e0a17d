import { useT } from '../../app/i18n.tsx';
import { ReasonModal as AppReasonModal } from '../../app/ReasonModal.tsx';

/** 不通过, 取消, 谢绝 of a registration or meeting: an optional reason the other side is told. */
export function ReasonModal({
  hint,
  ...props
}: {
  title: string;
  okText: string;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (reason: string | undefined) => void;
  hint?: string;
}) {
  const t = useT();
  return (
    <AppReasonModal
      {...props}
      label={t('activities.reason')}
      hint={hint ?? t('activities.reasonHint')}
      submitTestId="reason-submit"
    />
  );
}
