import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Executor } from '../../platform/db/client.ts';
import { maskName } from '../../reference/mask.ts';
import { maskMobile } from '../../reference/mobile.ts';
import { RegistryRepository } from '../registry/repository.ts';
import type { OrderView } from './contract.ts';
import type { OrderParty } from './machine.ts';
import type { ServiceOrderRow } from './schema.ts';

/**
 * The enterprise behind an order and whom to call there (its registry record's
 * 联系人 and 手机). The expert who accepted the order (and a team serving it)
 * needs them whole to arrange the service, and the enterprise reads its own;
 * anyone else who sees the order — the experts it is offered to, the
 * institution, operators, the auditor — gets them masked the registry's way
 * (王** · 138****5678), as the registry shows personal data until a reveal.
 * The expert's access is recorded when they accept (transitions.ts: the
 * accept's audit row names the contact revealed), as the registry records a reveal.
 */
export async function orderEnterprise(
  db: Executor,
  cipher: FieldCipher,
  order: ServiceOrderRow,
  parties: readonly OrderParty[],
): Promise<OrderView['enterprise']> {
  if (!order.enterpriseId) return null;
  // The order links the enterprise already: its name is shown whatever the caller's scope.
  const record = (await new RegistryRepository(db).linkedByIds('enterprises', [order.enterpriseId])).get(
    order.enterpriseId,
  );
  if (!record) return null;
  const whole = sharesContact(parties);
  const mobile = record.contactMobileEnc ? cipher.decrypt(record.contactMobileEnc) : null;
  return {
    id: record.id,
    name: record.name,
    contactName: record.contactName && !whole ? maskName(record.contactName) : record.contactName,
    contactMobile: mobile && !whole ? maskMobile(mobile) : mobile,
    masked: !whole,
  };
}

/** Who reads the enterprise's contact whole: the enterprise itself and whoever serves the order. */
export function sharesContact(parties: readonly OrderParty[]): boolean {
  return parties.includes('enterprise') || parties.includes('assignee');
}
