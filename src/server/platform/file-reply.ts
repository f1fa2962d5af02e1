import type { FastifyReply } from 'fastify';

/** A file the server makes or keeps (an export, a template, an attachment). */
export interface FileAnswer {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/**
 * Sends a file: `filename*` (RFC 6266) keeps a Vietnamese name intact, the plain `filename` is an
 * ASCII fallback; images open in the browser (`inline`), everything else downloads.
 */
export function sendFileAnswer(reply: FastifyReply, file: FileAnswer) {
  const ascii =
    file.fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'tep';
  const disposition = file.contentType.startsWith('image/') ? 'inline' : 'attachment';
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.content);
}
