// The layer order of src/, as a lint rule: an import may point down the list (towards log), never up.
// cli → bench → testing → world → sandbox | control → viewer → team → agent → planner → tasks → skills/ →
// actions → skill contract → llm → prompts → net → bot → build (structures read from files) → knowledge → base → config → log. The sandbox is served, never imported
// by the agent side: only world, testing, bench and cli (and tests) may import it, and it imports only
// base, config, log and knowledge.
import path from 'node:path';

/** Lowest first. `skills` is src/skills (the skill contract), `actions` what skills do, `skillset` the skill files in skills/. */
export const LAYERS = ['log', 'config', 'base', 'knowledge', 'build', 'bot', 'net', 'prompts', 'llm', 'skills', 'actions', 'skillset', 'tasks', 'planner', 'agent', 'team', 'viewer', 'control', 'sandbox', 'world', 'testing', 'bench', 'cli'];
const SANDBOX_MAY_IMPORT = new Set(['log', 'config', 'base', 'knowledge', 'sandbox']);

/** The layer of a file path relative to the repository root, or undefined outside src/ and skills/. */
export function layerOf(rel) {
  const parts = rel.split(/[\\/]/);
  if (parts[0] === 'skills') return 'skillset';
  if (parts[0] !== 'src' || parts.length < 3) return undefined;
  return parts[1];
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports point one way through the layers of src/' },
    schema: [],
    messages: {
      up: '{{from}} may not import {{to}}: layers point one way ({{order}})',
      unknown: 'src/{{layer}} is not in the layer order (eslint/layers.js): add it where it belongs',
      sandbox: 'the sandbox imports only {{allowed}}, not {{to}}',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename);
    const from = layerOf(file);
    if (from === undefined) return {};
    if (!LAYERS.includes(from)) {
      return { Program(node) { context.report({ node, messageId: 'unknown', data: { layer: from } }); } };
    }
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = layerOf(path.relative(root, path.resolve(path.dirname(context.filename), source)));
      if (to === undefined || to === from) return;
      if (!LAYERS.includes(to)) return context.report({ node, messageId: 'unknown', data: { layer: to } });
      if (from === 'sandbox' && !SANDBOX_MAY_IMPORT.has(to)) {
        return context.report({ node, messageId: 'sandbox', data: { allowed: [...SANDBOX_MAY_IMPORT].filter((l) => l !== 'sandbox').join(', '), to: `src/${to}` } });
      }
      if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
        context.report({ node, messageId: 'up', data: { from: from === 'skillset' ? 'skills/' : `src/${from}`, to: to === 'skillset' ? 'skills/' : `src/${to}`, order: [...LAYERS].reverse().join(' → ') } });
      }
    };
    return {
      ImportDeclaration(node) { check(node, node.source.value); },
      ExportNamedDeclaration(node) { if (node.source) check(node, node.source.value); },
      ExportAllDeclaration(node) { check(node, node.source.value); },
      ImportExpression(node) { if (node.source.type === 'Literal') check(node, node.source.value); },
    };
  },
};

export default { rules: { 'import-order': rule } };
