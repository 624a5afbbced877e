export type Extracted = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * The JSON object in a model's text answer: the whole text, or inside a ```json fence, or the first
 * balanced {...} in prose; a reasoning model's <think> block is skipped and trailing commas forgiven.
 */
export function extractJson(text: string): Extracted {
  const cleaned = text.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  if (!cleaned) return { ok: false, reason: 'the answer is empty' };
  const candidates: string[] = [cleaned];
  const fence = /```(?:json|JSON)?\s*([\s\S]*?)```/.exec(cleaned);
  if (fence?.[1]) candidates.push(fence[1].trim());
  const balanced = firstObject(cleaned);
  if (balanced) candidates.push(balanced);
  let lastError = '';
  for (const c of candidates) {
    for (const variant of [c, c.replace(/,\s*([}\]])/g, '$1')]) {
      try {
        const value: unknown = JSON.parse(variant);
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { ok: true, value };
        lastError = 'the answer is JSON but not an object';
      } catch (err) {
        lastError = `invalid JSON: ${(err as Error).message}`;
      }
    }
  }
  if (!cleaned.includes('{') && lastError.startsWith('invalid JSON')) return { ok: false, reason: 'the answer holds no JSON object' };
  return { ok: false, reason: lastError };
}

/** The first {...} whose braces balance, skipping braces inside strings; undefined when none closes. */
function firstObject(text: string): string | undefined {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}
