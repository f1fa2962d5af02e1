import { ErrorBody } from '@shared/contracts/common';
import { RuleDto, RuleOverrideBody, RuleParams, RuleSetDateParams, RuleSetDto, RuleSetsResponse } from '@shared/contracts/rules';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import * as rules from './rules.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Legal rule sets by period (issue #5): everyone reads them; the system administrator overrides unconfirmed values. */
export const rulesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/rule-sets',
    {
      schema: {
        tags: ['rules'],
        summary: 'Every rule set with its rules (overrides applied and shown)',
        response: { 200: RuleSetsResponse, ...errors },
      },
    },
    (request) => rules.listRuleSets(serviceContext(request)),
  );
  app.get(
    '/api/rule-sets/on/:date',
    {
      schema: {
        tags: ['rules'],
        summary: 'The rule set in force on a decision date',
        params: RuleSetDateParams,
        response: { 200: RuleSetDto, ...errors },
      },
    },
    (request) => rules.getRuleSetOn(serviceContext(request), request.params.date),
  );
  app.put(
    '/api/rule-sets/:id/rules/:key',
    {
      schema: {
        tags: ['rules'],
        summary: 'Override an unconfirmed rule (409 RULE_CONFIRMED, 409 VERSION_CONFLICT when stale)',
        params: RuleParams,
        body: RuleOverrideBody,
        response: { 200: RuleDto, ...errors, 409: ErrorBody.extend({ current: RuleDto.nullable().optional() }) },
      },
    },
    (request) => rules.overrideRule(serviceContext(request), request.params.id, request.params.key, request.body),
  );
};
