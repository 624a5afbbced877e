import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Resolves a URL path under `root`; undefined when it would leave the folder or names no file. */
export function fileUnder(rootDir: string, urlPath: string): string | undefined {
  const root = path.resolve(rootDir);
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return undefined; // a malformed escape names no file of ours
  }
  if (rel.includes('\0')) return undefined;
  const full = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`);
  if (full !== root && !full.startsWith(root + path.sep)) return undefined;
  try {
    return statSync(full).isFile() ? full : undefined;
  } catch {
    return undefined; // no such file: the caller answers 404
  }
}

/** Bigger files are never cached: Chromium fails concurrent requests for one (the viewer's 63 MB worker.js, once per worker) with ERR_CACHE_WRITE_FAILURE. */
const MAX_CACHED_BYTES = 4 * 1024 * 1024;

/** Streams a file with its content type; `maxAge` seconds of caching for assets that never change. */
export function sendFile(res: ServerResponse, file: string, head: boolean, maxAge = 0): void {
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const size = statSync(file).size;
  const cache = maxAge > 0 && size <= MAX_CACHED_BYTES ? `max-age=${maxAge}` : size > MAX_CACHED_BYTES ? 'no-store' : 'no-cache';
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Cache-Control': cache, 'X-Content-Type-Options': 'nosniff' });
  if (head) {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', (err) => res.destroy(err));
  stream.pipe(res);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
