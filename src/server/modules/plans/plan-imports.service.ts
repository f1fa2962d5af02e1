import type { PlanImportPreviewDto } from '@shared/contracts/plans';
import { highlightsOf, parsePlanText, planSourceText } from '@shared/plans';
import { auditCall, requireActor, scopeOf } from '../../platform/authz';
import type { ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import { extractPlanText } from './plan-document';
import { enforce } from './plans.common';
import { mayWritePlans } from './plans.policy';

/**
 * Reads an uploaded plan document into a draft for review (issue #6 item 7). Nothing of the plan
 * is stored: the officer corrects the draft next to the highlighted source and confirms it with
 * `POST /api/plans`, which sends the file again to be kept with the plan. Only the attempt is audited.
 */
export async function previewPlanImport(ctx: ServiceContext, fileName: string, bytes: Buffer): Promise<PlanImportPreviewDto> {
  const actor = requireActor(ctx);
  enforce(ctx, mayWritePlans(actor));
  const extracted = await extractPlanText(bytes);
  const text = planSourceText(extracted.text);
  const parsed = parsePlanText(text);
  await inScope(
    ctx.db,
    scopeOf(actor),
    (trx) =>
      auditCall(trx, ctx, actor, {
        action: 'plan.import.preview',
        outcome: 'success',
        recordKind: 'plan',
        details: { kind: extracted.kind, bytes: bytes.length, agencies: parsed.agencies.length },
      }),
    ctx.clock(),
  );
  return { fileName, mediaType: extracted.mediaType, text, parsed, highlights: highlightsOf(text, parsed) };
}
