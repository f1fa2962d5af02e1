import { ErrorBody } from '@shared/contracts/common';
import { PlanImportPreviewDto, PlanImportQuery } from '@shared/contracts/plans';
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors';
import { serviceContext } from '../../platform/request-context';
import { previewPlanImport } from './plan-imports.service';

/**
 * Upload of a plan document for review. Like the registry import, the file is the raw body (one
 * file, nothing else) and its declared media type is ignored: the service reads the bytes.
 */
export const planImportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const limit = app.deps.config.importBodyLimitBytes;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      throw new AppError('PLAN_DOCUMENT_TOO_LARGE', { maxMb: Math.floor(limit / (1024 * 1024)) });
    throw error;
  });
  app.post(
    '/api/plan-imports',
    {
      bodyLimit: limit,
      schema: {
        tags: ['plans'],
        summary: 'Read a .txt, .docx or text-based .pdf plan into a draft for review (nothing is saved)',
        querystring: PlanImportQuery,
        response: { 200: PlanImportPreviewDto, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody },
      },
    },
    async (request) => {
      const file = request.body;
      if (!Buffer.isBuffer(file) || file.length === 0) throw new AppError('PLAN_DOCUMENT_NO_TEXT');
      return previewPlanImport(serviceContext(request), request.query.fileName, file);
    },
  );
};
