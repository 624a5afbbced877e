import type { Decision } from '../../planner/types.ts';

/** Minecraft's limit for one chat message a client sends. */
export const CHAT_MAX = 256;

/**
 * One chat line the server will accept: no control or formatting characters (servers kick for
 * them), one line, at most 256 characters, and never a leading `/`, which would run a command.
 */
export function chatLine(text: string, max = CHAT_MAX): string {
  // eslint-disable-next-line no-control-regex
  let t = text.replace(/[\u0000-\u001f\u007f§]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\/+\s*/, '');
  if (t.length > max) t = `${t.slice(0, max - 1)}…`;
  return t;
}

/** A decision as chat shows it: `mineBlock oak_log 3`. */
export function shortDecision(d: Decision): string {
  const values = Object.entries(d.args)
    .filter(([k]) => k !== 'radius')
    .map(([, v]) => (typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v)));
  return [d.skill, ...values].join(' ');
}

export function planLine(plan: readonly Decision[]): string {
  return chatLine(`plan (${plan.length} steps): ${plan.map(shortDecision).join(' > ')}`);
}

export function inventoryLine(inventory: Readonly<Record<string, number>>): string {
  const items = Object.entries(inventory).sort(([, a], [, b]) => b - a);
  return chatLine(items.length ? `inventory: ${items.map(([n, c]) => `${c} ${n}`).join(', ')}` : 'inventory: empty');
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
