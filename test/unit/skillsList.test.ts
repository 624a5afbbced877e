import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILD_SKILLS, createSkillRegistry, SKILLS, TEAM_SKILLS } from '../../skills/index.ts';
import { main } from '../../src/cli/main.ts';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { describeSkill } from '../../src/skills/describe.ts';

const EXPECTED = ['explore', 'goTo', 'digToLevel', 'mineBlock', 'collectDrops', 'equip', 'eat', 'craftItem', 'placeBlock',
  'placeCraftingTable', 'placeFurnace', 'smeltItem', 'depositToChest', 'withdrawFromChest', 'killMob', 'shearSheep', 'milkCow', 'collectEggs', 'harvestHoney', 'weatherCopper', 'fish',
  'bucketFish', 'useItemOnBlock', 'hardenConcrete', 'useItem'];

describe('the skill list', () => {
  it('registers every skill once, each file named after its skill and exporting it under that name', async () => {
    expect(createSkillRegistry().names()).toEqual(EXPECTED);
    expect(new Set(SKILLS.map((s) => s.name)).size).toBe(SKILLS.length);
    // A team's hand-over is registered for team runs only: a single bot's catalogue stays as it was.
    expect(createSkillRegistry(TEAM_SKILLS).names()).toEqual([...EXPECTED, 'giveItems']);
    // Placing a structure is registered for builds only (src/agent/build.ts).
    expect(createSkillRegistry(BUILD_SKILLS).names()).toEqual([...EXPECTED, 'buildStructure']);
    const dir = fileURLToPath(new URL('../../skills', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();
    expect(files).toEqual([...EXPECTED, 'giveItems', 'buildStructure'].sort());
    for (const name of files) {
      const mod = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as Record<string, unknown>;
      expect((mod[name] as { name?: string } | undefined)?.name, `skills/${name}.ts`).toBe(name);
    }
  });

  it('says each skill in one sentence for the model, and the rest once', () => {
    for (const skill of [...TEAM_SKILLS, ...BUILD_SKILLS.filter((b) => !TEAM_SKILLS.includes(b))]) {
      expect(skill.summary, skill.name).toMatch(/^[A-Z][^\n]*[.]$/);
      expect(skill.description.startsWith(skill.summary), skill.name).toBe(true);
      expect(skill.description.slice(skill.summary.length).includes(skill.summary), skill.name).toBe(false);
    }
  });

  it('describes each skill with a JSON schema and its conditions on an example', () => {
    const kb = createKnowledge('1.20.1');
    for (const skill of [...TEAM_SKILLS, ...BUILD_SKILLS.filter((b) => !TEAM_SKILLS.includes(b))]) {
      const d = describeSkill(skill, kb);
      expect(d.parameters, skill.name).toHaveProperty('$schema');
      expect(d.example, skill.name).toBeDefined();
      expect(skill.params.safeParse(skill.example).success, skill.name).toBe(true);
    }
    const mine = describeSkill(createSkillRegistry().get('mineBlock')!, kb);
    expect(mine.example?.effects.obtain).toEqual({ raw_iron: 3 });
    expect(mine.example?.preconditions.equip).toContain('stone_pickaxe');
  });

  it('skillcraft skills --json prints them all', async () => {
    const out: string[] = [];
    const code = await main(['skills', '--json'], { io: { out: (l) => out.push(l), err: () => undefined, env: {}, cwd: process.cwd() }, signal: new AbortController().signal });
    expect(code).toBe(0);
    const list = JSON.parse(out.join('\n')) as { name: string }[];
    expect(list.map((s) => s.name)).toEqual(EXPECTED);
  });
});
