import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import layers, { LAYERS } from '../../eslint/layers.js';

/** Lints `code` as if it were the file at `file` (relative to the repository), with the layer rule alone. */
async function lint(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { layers }, rules: { 'layers/import-order': 'error' } }],
  });
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('the layer rule (eslint/layers.js)', () => {
  it('fails a back-edge: the planner importing the agent, the llm client importing the planner', async () => {
    expect(await lint('src/planner/graph/x.ts', "import { NEARBY_BLOCKS } from '../../agent/goalCheck.ts';")).toEqual([
      expect.stringMatching(/^src\/planner may not import src\/agent: layers point one way \(cli → bench → .* → log\)$/),
    ]);
    expect(await lint('src/llm/x.ts', "import type { GraphPlanner } from '../planner/graph/planner.ts';")).toHaveLength(1);
    expect(await lint('skills/x.ts', "export { runTask } from '../src/agent/run.ts';")).toEqual([expect.stringMatching(/^skills\/ may not import src\/agent/)]);
  });

  it('fails any agent-side import of the sandbox, and a sandbox import of the agent side', async () => {
    for (const side of ['agent', 'planner', 'bot', 'skills', 'control', 'viewer', 'llm', 'tasks']) {
      expect(await lint(`src/${side}/x.ts`, "import { startSandbox } from '../sandbox/server.ts';"), side).toHaveLength(1);
    }
    expect(await lint('src/sandbox/x.ts', "import { observe } from '../bot/observe.ts';")).toEqual(['the sandbox imports only log, config, base, knowledge, not src/bot']);
  });

  it('lets imports point down, and the CLI, benchmarks and world opener start the sandbox', async () => {
    expect(await lint('src/agent/x.ts', "import { observe } from '../bot/observe.ts';\nimport { createGraphPlanner } from '../planner/graph/index.ts';")).toEqual([]);
    for (const top of ['cli', 'bench', 'world']) expect(await lint(`src/${top}/x.ts`, "import { startSandbox } from '../sandbox/server.ts';"), top).toEqual([]);
    expect(await lint('src/bench/x.ts', "const m = await import('../agent/run.ts');")).toEqual([]);
  });

  it('names a folder that is not in the order, so a new one gets a place', async () => {
    expect(await lint('src/misc/x.ts', 'export const a = 1;')).toEqual(['src/misc is not in the layer order (eslint/layers.js): add it where it belongs']);
    expect(LAYERS[0]).toBe('log');
    expect(LAYERS.at(-1)).toBe('cli');
  });
});
