import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { CommonErrors } from '../errors/common.errors';

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Request bodies sent compressed (Content-Encoding gzip, deflate or br) are inflated before
 * parsing, as Express's body-parser did; the body limit applies to the inflated bytes. Another
 * encoding is refused (415), and a body that is not what its label says fails in zlib (400
 * MALFORMED_BODY, see the problem filter).
 */
export function decodedBody() {
  return async (req: FastifyRequest, _reply: FastifyReply, payload: Readable): Promise<Readable> => {
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
    if (encoding === 'identity') return payload;
    const decoder = DECODERS[encoding];
    if (!decoder) throw new CommonErrors('UNSUPPORTED_MEDIA_TYPE', { detail: `Content-Encoding ${encoding} is not supported` });
    // Fastify compares Content-Length with what it reads: the inflated length differs.
    delete req.headers['content-length'];
    const inflated = payload.pipe(decoder()) as unknown as Readable;
    payload.on('error', (error) => inflated.destroy(error));
    return inflated;
  };
}

/**
 * JSON bodies as Express's body-parser took them (strict): an object or an array at the top, an
 * empty body as `{}`, anything unparsable as 400 MALFORMED_JSON. `__proto__` and friends stay own
 * keys for the input guard to refuse by name.
 */
export function jsonBody(req: FastifyRequest, body: string, done: (error: Error | null, value?: unknown) => void): void {
  const text = body.trim();
  if (text === '') return done(null, {});
  if (text[0] !== '{' && text[0] !== '[') return done(new CommonErrors('MALFORMED_JSON'));
  try {
    done(null, JSON.parse(text) as unknown);
  } catch {
    done(new CommonErrors('MALFORMED_JSON'));
  }
}
