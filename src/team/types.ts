// A team: several bots on one task. The coordinator (src/team/coordinator.ts) splits the goal into
// sub-goals with no dependency between them, runs each on a member through the same runTask a single
// bot uses, moves items between members (hand-overs) and re-assigns what a lost member left undone.
// Everything it does is one stream of TeamEvents: the terminal, the dashboard and the trace subscribe.
import type { Bot } from 'mineflayer';
import type { RunEvent } from '../agent/events.ts';
import type { ResilientSummary } from '../agent/resilience/summary.ts';

/** One bot of the team, as the coordinator holds it. */
export interface TeamMember {
  /** The bot's username (`--username` with a suffix: Skillcraft1, Skillcraft2…). */
  readonly name: string;
  /** The connected bot (a new one after a reconnect). */
  bot: Bot;
  /** Connects this member again after its connection was lost; absent or retired: the member is lost. */
  connect?: (signal: AbortSignal) => Promise<Bot>;
}

/** Items by name. */
export type Items = Record<string, number>;

/** A part of the goal given to one member: obtain these items (then hand them to the assembler). */
export interface SubGoal {
  id: number;
  item: string;
  count: number;
  /** Estimated game seconds from this member's inventory (the planner's cost table). */
  estimate: number;
}

/** How items moved from one member to another. */
export interface Handover {
  from: string;
  to: string;
  /** `drop`: tossed at the receiver's feet; `chest`: put in a team chest and taken out by the receiver. */
  method: 'drop' | 'chest';
  /** Why this method was chosen. */
  why: string;
  /** What the giver meant to hand over. */
  items: Items;
  /** What left the giver's inventory, and what arrived in the receiver's (equal when nothing was lost). */
  out: Items;
  in: Items;
  /** What other team mates picked up of the throw meanwhile (by name): not lost, the coordinator hands it on. */
  astray?: Record<string, Items>;
  ok: boolean;
  /** Game seconds the hand-over took (the giver's clock). */
  gameSeconds: number;
}

export type TeamEvent =
  /** A member's own run event, as a single bot's run emits it. */
  | (RunEvent & { who: string })
  /** The coordinator's split: who obtains what, and the estimate it was based on. */
  | { event: 'team_plan'; assembler: string; goal: string; assignments: { who: string; subGoals: SubGoal[] }[]; estimate: { team: number; alone: number } }
  | { event: 'assign'; who: string; subGoal: SubGoal; why: string }
  | { event: 'reassign'; from: string; to: string; subGoal: SubGoal; why: string }
  | { event: 'call_off'; who: string; item: string; why: string }
  /** `seconds`: the chosen option's estimate (the hand-overs, then the assembler's last run). */
  | { event: 'assembler'; who: string; why: string; seconds?: number }
  | { event: 'member_lost'; who: string; why: string }
  | ({ event: 'handover' } & Handover)
  | { event: 'team_end'; summary: TeamSummary };

export interface MemberSummary {
  name: string;
  /** Sub-goals it finished, by id. */
  done: number[];
  /** Sub-goals it failed or left when lost, by id. */
  failed: number[];
  steps: number;
  failures: number;
  lost: boolean;
  /** Each of its runs (sub-goals and, for the assembler, the goal itself). */
  runs: ResilientSummary[];
}

export interface TeamSummary {
  goal: string;
  success: boolean;
  /** Why it ended: done, or the assembler's last run's reason. */
  reason: string;
  detail?: string;
  /** Members when the task started. */
  bots: number;
  assembler: string;
  /** Game seconds from the start of the task to its end (the world's clock, one for all members). */
  gameSeconds: number;
  wallSeconds: number;
  members: MemberSummary[];
  handovers: Handover[];
  reassigned: number;
  traceDir?: string;
}
