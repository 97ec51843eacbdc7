import type { Request, Response } from 'restify';
import { httpErrors } from './httpErrors';

/** The largest request body accepted on JSON routes. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads a JSON request body with limits: 413 over `maxBytes`, 415 for another media type, encoding or
 * charset, 400 for invalid JSON. Resolves to the parsed value, or undefined after answering the error.
 */
export async function readJsonBody(req: Request, res: Response, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.header('Connection', 'close');
    res.send(413, httpErrors.tooLarge(maxBytes));
    req.resume();
    return undefined;
  }
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  const [mediaType = '', ...params] = type.split(';').map((p) => p.trim());
  if (mediaType !== 'application/json' && !/^application\/[a-z.+-]*\+json$/.test(mediaType)) {
    res.send(
      415,
      httpErrors.unsupportedMediaType(mediaType ? `Content-Type ${mediaType}` : 'A missing Content-Type'),
    );
    req.resume();
    return undefined;
  }
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    res.send(415, httpErrors.unsupportedMediaType(`charset ${charset}`));
    req.resume();
    return undefined;
  }
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') {
    res.send(415, httpErrors.unsupportedMediaType(`Content-Encoding ${encoding}`));
    req.resume();
    return undefined;
  }
  const body = await new Promise<Buffer | 'too-large' | 'aborted'>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve('aborted'));
    req.on('aborted', () => resolve('aborted'));
  });
  if (body === 'aborted') return undefined;
  if (body === 'too-large') {
    res.header('Connection', 'close');
    res.send(413, httpErrors.tooLarge(maxBytes));
    return undefined;
  }
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    res.send(400, httpErrors.invalidJson());
    return undefined;
  }
}
