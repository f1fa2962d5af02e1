import { AuditOutcome } from '@shared/contracts/audit';
import { IsoDate } from '@shared/contracts/common';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);

/**
 * URL search params of /audit: the filters, so that an inquiry ("who opened this record?") can
 * be bookmarked or handed over as a link. Bounds as in AuditQuery; a bad value is dropped.
 */
export const AuditSearch = z.object({
  username: text(64),
  action: text(60),
  recordKind: text(40),
  recordId: text(100),
  outcome: AuditOutcome.optional().catch(undefined),
  from: IsoDate.optional().catch(undefined),
  to: IsoDate.optional().catch(undefined),
});
export type AuditSearch = z.infer<typeof AuditSearch>;
