import { Command } from 'commander';
import { createSkillRegistry } from '../../skills/index.ts';
import { createKnowledge } from '../knowledge/kb.ts';
import { DEFAULT_VERSION } from '../config/sandbox.ts';
import { describeSkill, renderSkill } from '../skills/describe.ts';
import { optionsOf, type RunJob } from './command.ts';

/** `skillcraft skills [--json]`: every registered skill with its parameters, preconditions and effects. */
export function skillsCommand(run: RunJob): Command {
  return new Command('skills')
    .description('list every skill the planner can pick, with parameters, preconditions and effects')
    .option('--json', 'print JSON instead of text')
    .action(async (_opts: unknown, cmd: Command) => {
      const o = optionsOf<{ json?: boolean }>(cmd);
      await run(cmd, {}, (ctx) => {
        const kb = createKnowledge(DEFAULT_VERSION);
        const list = createSkillRegistry().list().map((s) => describeSkill(s, kb));
        if (o.json) ctx.io.out(JSON.stringify(list, null, 2));
        else ctx.io.out(list.map(renderSkill).join('\n'));
        return Promise.resolve(0);
      });
    });
}
