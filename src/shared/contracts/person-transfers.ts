import { z } from 'zod';
import { IsoDate, userText } from './common';
import { UnitCode } from './units';

/**
 * Moving residence (chuyển nơi cư trú) between communes: the sending commune's police request it,
 * the receiving commune acknowledges (accepts) or refuses it within a configurable deadline. Until
 * then both communes see the file (ACCESS-PRINCIPLES.md); on acceptance the file moves.
 */
export const TransferStatus = z.enum(['pending', 'accepted', 'rejected', 'cancelled']);
export type TransferStatus = z.infer<typeof TransferStatus>;

/** `POST /api/persons/:id/transfers`. */
export const PersonTransferRequestBody = z.strictObject({
  /** The receiving commune: a commune of today's hierarchy, not the one managing the file. */
  toUnitCode: UnitCode,
  /** House number, street, hamlet in the receiving commune (encrypted; becomes the current address on acceptance). */
  address: userText({ min: 0, max: 300, message: 'ADDRESS' }).optional(),
  /** Why the person moves (encrypted with the person's record key). */
  reason: userText({ min: 5, max: 1000, message: 'TRANSFER_REASON' }),
});
export type PersonTransferRequestBody = z.infer<typeof PersonTransferRequestBody>;

/** Accept, reject or cancel: an optional note (encrypted). */
export const PersonTransferDecisionBody = z.strictObject({
  note: userText({ min: 0, max: 1000, message: 'DECISION_NOTE' }).optional(),
});
export type PersonTransferDecisionBody = z.infer<typeof PersonTransferDecisionBody>;

export const TransferUnitDto = z.object({ code: z.string(), fullName: z.string() });

export const PersonTransferDto = z.object({
  id: z.string(),
  personId: z.string(),
  status: TransferStatus,
  fromUnit: TransferUnitDto,
  toUnit: TransferUnitDto,
  /** The new address, shown to both communes while pending. */
  address: z.string().nullable(),
  reason: z.string(),
  requestedAt: z.string(),
  requestedBy: z.string().nullable(),
  /** Last day (Việt Nam date) for the receiving commune to acknowledge. */
  dueDate: IsoDate,
  /** Pending after its due date. */
  overdue: z.boolean(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
  /** What the caller may do with it now (the server checks again). */
  actions: z.object({ accept: z.boolean(), reject: z.boolean(), cancel: z.boolean() }),
});
export type PersonTransferDto = z.infer<typeof PersonTransferDto>;

export const PersonTransfersResponse = z.object({ items: z.array(PersonTransferDto) });
export type PersonTransfersResponse = z.infer<typeof PersonTransfersResponse>;

// The work queue combines transfers and procedure deadlines: src/shared/contracts/work-queue.ts.
export { TransferQueueItemDto, WorkQueueItemDto, WorkQueueResponse } from './work-queue';
