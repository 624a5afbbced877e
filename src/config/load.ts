import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { coerce, fieldByPath, FIELDS, type FieldSpec, type FlagValues } from './fields.ts';
import { configSchema, fileSchema, ruleText, type Config } from './schema.ts';

export const CONFIG_FILE = 'skillcraft.config.json';

export interface LoadConfigOptions {
  /** Command-line values by field name; they beat everything else. */
  flags?: FlagValues;
  /** The environment to read `SKILLCRAFT_*`, `OPENAI_API_KEY` and `OPENAI_BASE_URL` from. */
  env?: Record<string, string | undefined>;
  /** Where `skillcraft.config.json` is looked for (default: process.cwd()). */
  cwd?: string;
  /** `--config PATH`: this file must exist (the default file is optional). */
  configPath?: string;
}

/** Bad configuration, reported as one line naming the field, the reason and the source. */
export class ConfigError extends Error {
  readonly code = 'BAD_INPUT';
  constructor(message: string) {
    super(`config: ${message}`);
    this.name = 'ConfigError';
  }
}

/** `given` is what the user typed (shown in messages); `value` is it coerced to the field's kind. */
interface Picked { value: unknown; given: unknown; source: string }

/** Merges flags > environment > config file > defaults, validates once and returns a frozen config. */
export function loadConfig(opts: LoadConfigOptions = {}): Readonly<Config> {
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  const file = readConfigFile(cwd, opts.configPath);

  const raw: Record<string, Record<string, unknown>> = { connection: {}, sandbox: {}, build: {}, observe: {}, log: {}, model: {} };
  const picked = new Map<FieldSpec, Picked>();
  for (const field of FIELDS) {
    const choice = pick(field, opts.flags ?? {}, env, file);
    if (!choice) continue;
    picked.set(field, choice);
    raw[field.section]![field.key] = choice.value;
  }

  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssue(parsed.error.issues[0], picked));
  const config = parsed.data;
  // --verbose means "tell me more" unless a level was asked for explicitly.
  if (config.log.verbose && !picked.has(FIELDS.find((f) => f.name === 'logLevel')!)) config.log.level = 'debug';
  return deepFreeze(config);
}

function pick(field: FieldSpec, flags: FlagValues, env: Record<string, string | undefined>, file: ParsedFile | undefined): Picked | undefined {
  const flagValue = flags[field.name as keyof FlagValues];
  if (flagValue !== undefined) return { value: coerce(field.kind, flagValue), given: flagValue, source: field.flag ?? field.name };
  for (const name of field.env) {
    const text = env[name];
    // An empty variable (`SKILLCRAFT_PORT=`) is treated as unset, as shells make that easy to do by accident.
    if (text !== undefined && text !== '') return { value: coerce(field.kind, text), given: text, source: name };
  }
  const fromFile = file?.data[field.section]?.[field.key];
  if (fromFile !== undefined) return { value: fromFile, given: fromFile, source: file!.label };
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue | undefined, picked: Map<FieldSpec, Picked>): string {
  if (!issue) return 'invalid configuration';
  const field = fieldByPath(issue.path[0], issue.path[1]);
  if (!field) return `${issue.path.join('.')} ${issue.message}`;
  const choice = picked.get(field);
  const rule = ruleText(field.rule);
  if (!choice) return `${field.name} ${rule}`;
  const shown = field.secret ? '[redacted]' : JSON.stringify(choice.given);
  return `${field.name} ${rule} (got ${shown} from ${choice.source})`;
}

interface ParsedFile {
  label: string;
  data: Record<string, Record<string, unknown> | undefined>;
}

function readConfigFile(cwd: string, explicit: string | undefined): ParsedFile | undefined {
  const file = path.resolve(cwd, explicit ?? CONFIG_FILE);
  const label = explicit ?? CONFIG_FILE;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // The default file is optional; a file named with --config is not.
    if (code === 'ENOENT' && explicit === undefined) return undefined;
    throw new ConfigError(`cannot read ${label}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`cannot parse ${label}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ConfigError(`${label} must hold a JSON object`);
  const shape = fileSchema.safeParse(json);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      throw new ConfigError(`unknown key "${[...issue.path, issue.keys[0]].join('.')}" in ${label}`);
    }
    throw new ConfigError(`"${issue.path.join('.')}" in ${label} must be an object`);
  }
  return { label, data: shape.data };
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
