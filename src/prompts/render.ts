import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's prompts/ folder. */
export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts', import.meta.url));

const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** A leading <!-- ... --> block documents the template for people; the model never sees it. */
const HEADER = /^\s*<!--[\s\S]*?-->\s*/;

export class PromptError extends Error {
  override readonly name = 'PromptError';
}

export interface Template {
  name: string;
  text: string;
  /** The variables it uses, each once, in order of first use. */
  variables: readonly string[];
}

const cache = new Map<string, Template>();

/** Reads `prompts/<name>.md` once per process. */
export function loadPrompt(name: string, dir = PROMPTS_DIR): Template {
  const file = `${dir.replace(/\/?$/, '/')}${name}.md`;
  let t = cache.get(file);
  if (!t) {
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (err) {
      throw new PromptError(`prompt ${name}: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
    }
    t = parseTemplate(name, raw.replace(HEADER, '').trimEnd());
    cache.set(file, t);
  }
  return t;
}

export function parseTemplate(name: string, text: string): Template {
  const variables = [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]!))];
  return { name, text, variables };
}

/**
 * Fills `{{name}}` placeholders in one pass (a value holding `{{x}}` stays as it is). A variable the
 * template uses but `vars` lacks is an error, and so is one `vars` gives that the template never uses:
 * both mean the code and the prompt file have drifted apart.
 */
export function renderTemplate(t: Template, vars: Readonly<Record<string, string | number>>): string {
  const missing = t.variables.filter((v) => !Object.hasOwn(vars, v));
  if (missing.length) throw new PromptError(`prompt ${t.name}: missing variable${missing.length > 1 ? 's' : ''} ${missing.map((v) => `"${v}"`).join(', ')}`);
  const unused = Object.keys(vars).filter((v) => !t.variables.includes(v));
  if (unused.length) throw new PromptError(`prompt ${t.name}: variable${unused.length > 1 ? 's' : ''} ${unused.map((v) => `"${v}"`).join(', ')} not used by the template`);
  return t.text.replace(VARIABLE, (_m, v: string) => String(vars[v]));
}

export function renderPrompt(name: string, vars: Readonly<Record<string, string | number>>, dir?: string): string {
  return renderTemplate(loadPrompt(name, dir), vars);
}
