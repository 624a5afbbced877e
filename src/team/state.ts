// What a member's chat model is told about its team on each decision: its own share, and each team mate's
// share, state and main holdings, in a few short lines (the decision's token budget is a single bot's).
import { inventoryCounts } from '../actions/index.ts';
import type { SubGoal, TeamMember } from './types.ts';

export type MemberState = 'working' | 'waiting' | 'done' | 'lost';

/** Items of a team mate's inventory shown, most first. */
const HOLDINGS = 4;

export class TeamState {
  private readonly shares = new Map<string, SubGoal | undefined>();
  private readonly states = new Map<string, MemberState>();

  /** `assembler`: undefined until chosen, when the caller named none (coordinator.ts). */
  constructor(private readonly members: readonly TeamMember[], private assembler: string | undefined, private readonly goal: string) {}

  assembledBy(who: string): void {
    this.assembler = who;
  }

  set(who: string, state: MemberState, share?: SubGoal): void {
    this.states.set(who, state);
    if (share !== undefined) this.shares.set(who, share);
  }

  /** The lines for `who`'s prompt. */
  text(who: string): string {
    const mine = this.shares.get(who);
    const a = this.assembler;
    const role = a === undefined ? `the team makes ${this.goal}; whoever holds most of its parts assembles it` : who === a ? `you assemble ${this.goal}` : `${a} assembles ${this.goal}`;
    const lines = [`Team (you are ${who}; ${role}${mine ? `; your share: ${mine.count} ${mine.item}${who === a ? '' : `, for ${a ?? 'the team'}`}` : ''}):`];
    for (const m of this.members) {
      if (m.name === who) continue;
      const state = this.states.get(m.name) ?? 'waiting';
      const share = this.shares.get(m.name);
      const held = state === 'lost' ? [] : [...inventoryCounts(m.bot)].sort((a, b) => b[1] - a[1]).slice(0, HOLDINGS);
      lines.push(`- ${m.name}: ${state}${share ? ` on ${share.count} ${share.item}` : ''}${held.length ? `; holds ${held.map(([k, n]) => `${k} ${n}`).join(', ')}` : ''}`);
    }
    return lines.join('\n');
  }
}
