export { loadConfig, ConfigError, CONFIG_FILE, type LoadConfigOptions } from './load.ts';
export { configSchema, type Config, type ConnectionConfig, type SandboxConfig, DEFAULT_PORT, DEFAULT_RADIUS, DEFAULT_SCHEMATICS } from './schema.ts';
export { FIELDS, type FieldName, type FlagValues } from './fields.ts';
