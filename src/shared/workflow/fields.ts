import { z } from 'zod';
import { IsoDate, userText } from '../contracts/common';

/** Field schemas the procedures' step data share. */
export const Reason = userText({ min: 5, max: 1000, message: 'DECISION_NOTE' });
export const ShortText = userText({ min: 1, max: 200, message: 'DECISION_NOTE' });
export const RecordId = z.uuid();
export const Months = z.number().int().min(1).max(60);
export const Dates = z.array(IsoDate).max(20);
export { IsoDate };
