import { AuditListResponse, AuditQuery, AuditVerifyResponse } from '@shared/contracts/audit';
import { ErrorBody } from '@shared/contracts/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import * as audit from './audit.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/** The audit log, for auditors. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log (newest first)',
        querystring: AuditQuery,
        response: { 200: AuditListResponse, ...errors },
      },
    },
    (request) => audit.listAuditEvents(serviceContext(request), request.query),
  );
  app.get(
    '/api/audit-events/verify',
    { schema: { tags: ['audit'], summary: 'Verify the hash chain', response: { 200: AuditVerifyResponse, ...errors } } },
    (request) => audit.verifyAudit(serviceContext(request)),
  );
};
