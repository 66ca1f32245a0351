import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable } from 'node:stream';
import busboy from 'busboy';
import { type Request } from 'express';

/**
 * An uploaded file as the import routes receive it (`POST /import/<kind>`, and the roadmap's
 * `POST /import/roadmap`): the `file` part of a multipart body or the raw body, spooled to a
 * temporary file with its size counted as it arrives.
 */

const RAW_TYPES = [
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

/** A multipart body is larger than its file by its boundaries and part headers. */
export const MULTIPART_ALLOWANCE = 64 * 1024;

export function contentTypeOf(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export interface Upload {
  stream: Readable;
  fileName: string;
}

/** The uploaded file as a stream: the `file` part of a multipart body, or the body itself. */
export function uploadOf(req: Request): Promise<Upload | null> {
  const type = contentTypeOf(req);
  const queryName = typeof req.query.filename === 'string' ? req.query.filename : null;
  if (RAW_TYPES.includes(type)) return Promise.resolve({ stream: req, fileName: queryName ?? 'upload' });
  if (type !== 'multipart/form-data') return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: req.headers, limits: { files: 1 } });
    let found = false;
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      resolve({ stream, fileName: queryName ?? info.filename ?? 'upload' });
    });
    parser.on('close', () => {
      if (!found) resolve(null);
    });
    parser.on('error', reject);
    req.pipe(parser);
  });
}

/** The upload went over IMPORT_MAX_UPLOAD_BYTES while it arrived (`bytes` received by then). */
export class UploadTooLarge extends Error {
  constructor(readonly bytes: number) {
    super('upload too large');
  }
}

/**
 * Writes `stream` to `file`, counting: past `maxBytes` it stops reading (the request is paused and
 * unpiped, not drained) and rejects with UploadTooLarge.
 */
function spool(req: Request, stream: Readable, file: string, maxBytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    let bytes = 0;
    const fail = (error: Error) => {
      stream.off('data', onData);
      stream.pause();
      req.unpipe();
      req.pause();
      out.destroy();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) return fail(new UploadTooLarge(bytes));
      if (!out.write(chunk)) {
        stream.pause();
        out.once('drain', () => stream.resume());
      }
    };
    stream.on('data', onData);
    stream.once('end', () => out.end());
    stream.once('error', fail);
    out.once('error', fail);
    out.once('finish', resolve);
  });
}

/** Runs `fn` with the upload as a re-openable file in a directory of its own, removed afterwards. */
export async function withSpooled<T>(
  req: Request,
  stream: Readable,
  maxBytes: number,
  fn: (open: () => Readable) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'shnor-upload-'));
  try {
    const file = join(dir, 'upload');
    await spool(req, stream, file, maxBytes);
    return await fn(() => createReadStream(file, { highWaterMark: 1 << 16 }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
