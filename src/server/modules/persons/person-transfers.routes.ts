import { IdParams } from '@shared/contracts/auth';
import { ErrorBody } from '@shared/contracts/common';
import {
  PersonTransferDecisionBody,
  PersonTransferDto,
  PersonTransferRequestBody,
  PersonTransfersResponse,
} from '@shared/contracts/person-transfers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serviceContext } from '../../platform/request-context';
import * as transfers from './person-transfers.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Moving residence between communes (the work queue lists pending ones: modules/work-queue). */
export const personTransfersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/persons/:id/transfers',
    {
      schema: {
        tags: ['persons'],
        summary: 'Ask another commune to take the file over (409 when one is already pending)',
        params: IdParams,
        body: PersonTransferRequestBody,
        response: { 201: PersonTransferDto, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await transfers.requestTransfer(serviceContext(request), request.params.id, request.body)),
  );
  app.get(
    '/api/persons/:id/transfers',
    {
      schema: {
        tags: ['persons'],
        summary: 'Transfers of the file',
        params: IdParams,
        response: { 200: PersonTransfersResponse, ...errors },
      },
    },
    (request) => transfers.listTransfers(serviceContext(request), request.params.id),
  );
  for (const [action, decide] of [
    ['accept', transfers.acceptTransfer],
    ['reject', transfers.rejectTransfer],
    ['cancel', transfers.cancelTransfer],
  ] as const) {
    app.post(
      `/api/person-transfers/:id/${action}`,
      {
        schema: {
          tags: ['persons'],
          summary:
            action === 'cancel'
              ? 'Withdraw a pending transfer (sending side)'
              : `${action === 'accept' ? 'Accept' : 'Reject'} a pending transfer (receiving side)`,
          params: IdParams,
          body: PersonTransferDecisionBody,
          response: { 200: PersonTransferDto, ...errors },
        },
      },
      (request) => decide(serviceContext(request), request.params.id, request.body),
    );
  }
};
