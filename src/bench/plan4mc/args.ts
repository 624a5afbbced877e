/** A bench argument that makes no sense: reported as one line, exit 2. */
export class BenchInputError extends Error {
  readonly code = 'BAD_INPUT';
}

/**
 * `--name value` and `--flag` arguments of a benchmark, checked against the names it knows, so a
 * typo is one clear line instead of a silently ignored option.
 */
export function parseBenchArgs(args: readonly string[], valued: readonly string[], flags: readonly string[] = []): { values: Map<string, string>; flags: Set<string>; rest: string[] } {
  const values = new Map<string, string>();
  const set = new Set<string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) { rest.push(a); continue; }
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flags.includes(name)) { set.add(name); continue; }
    if (!valued.includes(name)) throw new BenchInputError(`unknown option ${name} (known: ${[...valued, ...flags].join(', ')})`);
    const v = inline ?? args[++i];
    if (v === undefined || v.startsWith('--')) throw new BenchInputError(`${name} needs a value`);
    values.set(name, v);
  }
  return { values, flags: set, rest };
}

export function intArg(values: Map<string, string>, name: string, def: number, min: number, max: number): number {
  const text = values.get(name);
  if (text === undefined) return def;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new BenchInputError(`${name} must be an integer ${min}-${max} (got "${text}")`);
  return n;
}

/** "1,2,5-8" → [1, 2, 5, 6, 7, 8]. */
export function idList(text: string, name: string, min: number, max: number): number[] {
  const out: number[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new BenchInputError(`${name}: "${part}" is not a number or a range like 21-30`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < min || b > max || a > b) throw new BenchInputError(`${name}: ${part} is outside ${min}-${max}`);
    for (let i = a; i <= b; i++) if (!out.includes(i)) out.push(i);
  }
  if (out.length === 0) throw new BenchInputError(`${name} is empty`);
  return out;
}

/** "2/3" → { index: 1, count: 3 } (zero-based index). */
export function shardArg(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const i = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || i < 1 || i > n) throw new BenchInputError(`--shard must look like i/n with 1 ≤ i ≤ n (got "${text}")`);
  return { index: i - 1, count: n };
}
