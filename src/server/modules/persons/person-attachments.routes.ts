import { IdParams } from '@shared/contracts/auth';
import { ErrorBody, NoContent } from '@shared/contracts/common';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MEDIA_TYPES,
  AttachmentParams,
  AttachmentUploadQuery,
  PersonAttachmentDto,
  PersonAttachmentsResponse,
} from '@shared/contracts/person-attachments';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { sendFileAnswer } from '../../platform/file-reply';
import { serviceContext } from '../../platform/request-context';
import * as service from './person-attachments.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/**
 * Documents and the photo of a management file. The upload's body is the file itself (no
 * multipart): its type is read from its bytes, its size capped here before anything is parsed.
 */
export const personAttachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Encapsulated in this plugin: other routes keep refusing these content types.
  app.addContentTypeParser(
    [...Object.keys(ATTACHMENT_MEDIA_TYPES), 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/persons/:id/attachments',
    {
      bodyLimit: ATTACHMENT_MAX_BYTES,
      schema: {
        tags: ['persons'],
        summary: 'Add a document or the photo (body: the file; JPEG, PNG, PDF or DOCX, at most 10 MB)',
        params: IdParams,
        querystring: AttachmentUploadQuery,
        response: { 201: PersonAttachmentDto, ...errors, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('ATTACHMENT_TYPE');
      const created = await service.addAttachment(serviceContext(request), request.params.id, {
        kind: request.query.kind,
        name: request.query.name,
        bytes: request.body,
      });
      return reply.status(201).send(created);
    },
  );
  app.get(
    '/api/persons/:id/attachments',
    {
      schema: {
        tags: ['persons'],
        summary: 'The documents and photos of a management file',
        params: IdParams,
        response: { 200: PersonAttachmentsResponse, ...errors },
      },
    },
    (request) => service.listAttachments(serviceContext(request), request.params.id),
  );
  app.get(
    '/api/persons/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['persons'],
        summary: 'Download one attachment (audited)',
        params: AttachmentParams,
        response: { 200: z.unknown().describe('The file'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await service.downloadAttachment(serviceContext(request), request.params.id, request.params.attachmentId);
      return sendFileAnswer(reply, { fileName: file.fileName, contentType: file.mediaType, content: file.bytes });
    },
  );
  app.delete(
    '/api/persons/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['persons'],
        summary: 'Take an attachment off the file (kept, withdrawn)',
        params: AttachmentParams,
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      await service.withdrawAttachment(serviceContext(request), request.params.id, request.params.attachmentId);
      return reply.status(204).send(null);
    },
  );
};
