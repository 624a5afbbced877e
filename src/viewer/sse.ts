import type { IncomingMessage, ServerResponse } from 'node:http';

/** Server-Sent Events to every open page: each gets the latest state on connect and after every change. */
export class SseHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor(keepAliveMs = 15_000) {
    // Proxies and browsers drop a stream that stays silent too long; a comment line keeps it open.
    this.keepAlive = setInterval(() => { for (const res of this.clients) res.write(': ping\n\n'); }, keepAliveMs);
    this.keepAlive.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  open(req: IncomingMessage, res: ServerResponse, first: string): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.write(frame(first));
    this.clients.add(res);
    req.once('close', () => this.clients.delete(res));
  }

  send(data: string): void {
    const text = frame(data);
    for (const res of this.clients) res.write(text);
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

function frame(data: string): string {
  // JSON has no raw newlines, so one `data:` line carries the whole message.
  return `data: ${data}\n\n`;
}
