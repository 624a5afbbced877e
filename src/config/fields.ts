import { seedFromText } from './sandbox.ts';

/**
 * Every setting the CLI knows, with where it can come from. One row per leaf of the config: the
 * file path (section.key), the environment variables (first set one wins), the flag that sets it,
 * and the rule quoted in the one-line rejection message.
 */
export type ValueKind = 'int' | 'number' | 'string' | 'boolean' | 'seed';

export interface FieldSpec {
  /** Name used in messages (`config: port must be ...`). */
  readonly name: string;
  readonly section: 'connection' | 'sandbox' | 'observe' | 'log' | 'model' | 'build';
  readonly key: string;
  readonly kind: ValueKind;
  readonly env: readonly string[];
  readonly flag?: string;
  readonly rule: string;
  /** Never echoed back in messages or logs. */
  readonly secret?: boolean;
}

export const FIELDS = [
  { name: 'host', section: 'connection', key: 'host', kind: 'string', env: ['SKILLCRAFT_HOST'], flag: '--host', rule: 'must be a non-empty host name or address' },
  { name: 'port', section: 'connection', key: 'port', kind: 'int', env: ['SKILLCRAFT_PORT'], flag: '--port', rule: 'must be an integer 0-65535' },
  { name: 'username', section: 'connection', key: 'username', kind: 'string', env: ['SKILLCRAFT_USERNAME'], flag: '--username', rule: 'must be 1-16 letters, digits or _ (any account name with auth microsoft)' },
  { name: 'auth', section: 'connection', key: 'auth', kind: 'string', env: ['SKILLCRAFT_AUTH'], flag: '--auth', rule: 'must be one of offline, microsoft' },
  { name: 'mcVersion', section: 'connection', key: 'mcVersion', kind: 'string', env: ['SKILLCRAFT_MC_VERSION'], flag: '--mc-version', rule: 'must be "auto" or a Minecraft version like 1.20.1' },
  { name: 'seed', section: 'sandbox', key: 'seed', kind: 'seed', env: ['SKILLCRAFT_SEED'], flag: '--seed', rule: 'must be an integer or a non-empty text' },
  { name: 'preset', section: 'sandbox', key: 'preset', kind: 'string', env: ['SKILLCRAFT_PRESET'], flag: '--preset', rule: 'must be one of {presets}' },
  { name: 'sandbox.mcVersion', section: 'sandbox', key: 'mcVersion', kind: 'string', env: ['SKILLCRAFT_SANDBOX_VERSION'], flag: '--mc-version', rule: 'must be one of {versions}' },
  { name: 'viewDistance', section: 'sandbox', key: 'viewDistance', kind: 'int', env: ['SKILLCRAFT_VIEW_DISTANCE'], flag: '--view-distance', rule: 'must be an integer 2-16' },
  { name: 'smeltSpeed', section: 'sandbox', key: 'smeltSpeed', kind: 'number', env: ['SKILLCRAFT_SMELT_SPEED'], flag: '--smelt-speed', rule: 'must be a number 0.1-1000' },
  { name: 'world', section: 'sandbox', key: 'world', kind: 'string', env: ['SKILLCRAFT_WORLD'], flag: '--world', rule: 'must be the path of a world save folder' },
  { name: 'spawn', section: 'sandbox', key: 'spawn', kind: 'string', env: ['SKILLCRAFT_SPAWN'], flag: '--spawn', rule: 'must be X,Z in whole blocks, e.g. 120,-40' },
  { name: 'save', section: 'sandbox', key: 'save', kind: 'boolean', env: ['SKILLCRAFT_SAVE'], flag: '--save', rule: 'must be true or false' },
  { name: 'gameMode', section: 'sandbox', key: 'gameMode', kind: 'string', env: ['SKILLCRAFT_GAMEMODE'], flag: '--gamemode', rule: 'must be one of survival, creative' },
  { name: 'peaceful', section: 'sandbox', key: 'peaceful', kind: 'boolean', env: ['SKILLCRAFT_PEACEFUL'], flag: '--peaceful', rule: 'must be true or false' },
  { name: 'schematics', section: 'build', key: 'schematics', kind: 'string', env: ['SKILLCRAFT_SCHEMATICS'], flag: '--schematics', rule: 'must be the path of a folder of structure files' },
  { name: 'radius', section: 'observe', key: 'radius', kind: 'int', env: ['SKILLCRAFT_RADIUS'], flag: '--radius', rule: 'must be an integer 1-128' },
  { name: 'logLevel', section: 'log', key: 'level', kind: 'string', env: ['SKILLCRAFT_LOG_LEVEL'], flag: '--log-level', rule: 'must be one of {levels}' },
  { name: 'logFormat', section: 'log', key: 'format', kind: 'string', env: ['SKILLCRAFT_LOG_FORMAT'], flag: '--log-format', rule: 'must be one of pretty, json' },
  { name: 'verbose', section: 'log', key: 'verbose', kind: 'boolean', env: ['SKILLCRAFT_VERBOSE'], flag: '--verbose', rule: 'must be true or false' },
  { name: 'baseUrl', section: 'model', key: 'baseUrl', kind: 'string', env: ['SKILLCRAFT_BASE_URL', 'OPENAI_BASE_URL'], flag: '--base-url', rule: 'must be an http(s) URL' },
  { name: 'apiKey', section: 'model', key: 'apiKey', kind: 'string', env: ['SKILLCRAFT_API_KEY', 'OPENAI_API_KEY'], rule: 'must be a non-empty string', secret: true },
  { name: 'model', section: 'model', key: 'model', kind: 'string', env: ['SKILLCRAFT_MODEL'], flag: '--model', rule: 'must be a non-empty model name' },
  { name: 'temperature', section: 'model', key: 'temperature', kind: 'number', env: ['SKILLCRAFT_TEMPERATURE'], flag: '--temperature', rule: 'must be a number 0-2' },
  { name: 'timeoutMs', section: 'model', key: 'timeoutMs', kind: 'int', env: ['SKILLCRAFT_MODEL_TIMEOUT_MS'], flag: '--model-timeout-ms', rule: 'must be an integer 1000-600000' },
  { name: 'maxCalls', section: 'model', key: 'maxCalls', kind: 'int', env: ['SKILLCRAFT_MAX_CALLS'], flag: '--max-calls', rule: 'must be an integer 1-100000' },
  { name: 'maxTokens', section: 'model', key: 'maxTokens', kind: 'int', env: ['SKILLCRAFT_MAX_TOKENS'], flag: '--max-tokens', rule: 'must be an integer 1000-100000000' },
] as const satisfies readonly FieldSpec[];

export type FieldName = (typeof FIELDS)[number]['name'];

/** Values given on the command line, by field name; `undefined` means the flag was not given. */
export type FlagValues = Partial<Record<FieldName, unknown>>;

export function fieldByPath(section: unknown, key: unknown): FieldSpec | undefined {
  return FIELDS.find((f) => f.section === section && f.key === key);
}

/**
 * Turns text (from a flag or the environment) into the kind the schema expects. Text that does not
 * look like the kind is passed through unchanged so the schema rejects it with the field's rule.
 */
export function coerce(kind: ValueKind, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  switch (kind) {
    case 'int':
    case 'number':
      return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : value;
    case 'boolean':
      if (/^(true|1|yes|on)$/i.test(text)) return true;
      if (/^(false|0|no|off)$/i.test(text)) return false;
      return value;
    case 'seed':
      return text === '' ? value : seedFromText(text);
    case 'string':
      return value;
  }
}
