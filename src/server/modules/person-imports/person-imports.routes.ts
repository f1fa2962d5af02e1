import { IdParams } from '@shared/contracts/auth';
import { ErrorBody } from '@shared/contracts/common';
import {
  PERSON_IMPORT_MEDIA_TYPES,
  PersonImportDto,
  PersonImportQuery,
  PersonImportReportQuery,
  PersonImportTemplateQuery,
} from '@shared/contracts/person-imports';
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { sendFileAnswer } from '../../platform/file-reply';
import { serviceContext } from '../../platform/request-context';
import { getPersonImport, getPersonImportTemplate, startPersonImport } from './person-imports.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/**
 * Bulk import of the registry. The file is the raw request body, not a multipart form: there is
 * one file and nothing else, and the media type it declares is ignored (browsers send .csv as
 * anything from text/csv to application/vnd.ms-excel); the service decides by the content.
 * Authentication and CSRF run on the request line and headers (platform/authn.ts, onRequest),
 * before a byte of the body is read.
 */
export const personImportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const limit = app.deps.config.importBodyLimitBytes;
  // In this plugin only: every body is read as bytes, up to the import limit.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  // Too large: the import's own message, with the limit, instead of the generic one. Thrown
  // errors go on to the application's error handler, which answers every error the same way.
  app.setErrorHandler((error: FastifyError) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      throw new AppError('IMPORT_FILE_TOO_LARGE', { maxMb: Math.floor(limit / (1024 * 1024)) });
    throw error;
  });

  app.post(
    '/api/person-imports',
    {
      bodyLimit: limit,
      schema: {
        tags: ['person-imports'],
        summary: 'Upload an xlsx or CSV file of persons: 202 with the job (check, or check and commit all-or-nothing)',
        querystring: PersonImportQuery,
        consumes: [PERSON_IMPORT_MEDIA_TYPES.xlsx, PERSON_IMPORT_MEDIA_TYPES.csv, 'application/octet-stream'],
        response: { 202: PersonImportDto, ...errors, 409: ErrorBody, 413: ErrorBody },
      },
    },
    async (request, reply) => {
      const file = request.body;
      if (!Buffer.isBuffer(file)) throw new AppError('IMPORT_EMPTY');
      const job = await startPersonImport(
        serviceContext(request),
        file,
        { dryRun: request.query.dryRun === 'true', confirmDuplicates: request.query.confirmDuplicates === 'true' },
        (error, importId) => {
          const e = error as Error & { code?: string };
          // Code, message and stack only: PostgreSQL's detail can quote stored values.
          request.log.error(
            { importId, err: { type: e.name, code: e.code, message: e.message, stack: e.stack } },
            'person import failed',
          );
        },
      );
      return reply.status(202).send(job);
    },
  );
  app.get(
    '/api/person-imports/template',
    {
      schema: {
        tags: ['person-imports'],
        summary: 'The import template (xlsx with instructions, or CSV UTF-8)',
        querystring: PersonImportTemplateQuery,
        produces: [PERSON_IMPORT_MEDIA_TYPES.xlsx, PERSON_IMPORT_MEDIA_TYPES.csv],
        response: { 200: z.unknown().describe('The template file'), ...errors },
      },
    },
    async (request, reply) => {
      const template = await getPersonImportTemplate(serviceContext(request), request.query.format);
      return sendFileAnswer(reply, template);
    },
  );
  app.get(
    '/api/person-imports/:id',
    {
      schema: {
        tags: ['person-imports'],
        summary: 'Progress and report (a page of it) of one of my imports; reading a finished report is audited',
        params: IdParams,
        querystring: PersonImportReportQuery,
        response: { 200: PersonImportDto, ...errors },
      },
    },
    (request) => getPersonImport(serviceContext(request), request.params.id, request.query),
  );
};
