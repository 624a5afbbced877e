import type { SubGoal } from '../team/types.ts';
import { RunState } from './runState.ts';
import type { MemberSnapshot, MemberState, TeamDashboardEvent, TeamEnd, TeamSnapshot } from './types.ts';

interface Member {
  readonly name: string;
  /** Its own runs, kept by the same model a single bot's dashboard uses. */
  readonly run: RunState;
  lost: string | null;
  /** Its run was cut off by its loss (no end will come for it): not working, whatever the run shows. */
  cutOff: boolean;
  note: string | null;
  subGoal: SubGoal | null;
  assigned: number[];
  done: number[];
  failed: number[];
}

/** The team part of the dashboard: a row per member, changed only through `apply` (pure, unit-tested). */
export class TeamBoard {
  private readonly members = new Map<string, Member>();
  private goal: string | null = null;
  private assembler: string | null = null;
  private estimate: TeamSnapshot['estimate'] = null;
  private handovers = { ok: 0, failed: 0 };
  private reassigned = 0;
  private end: TeamEnd | null = null;

  constructor(names: readonly string[], private readonly clock: () => number = Date.now) {
    for (const name of names) this.member(name);
  }

  apply(e: TeamDashboardEvent): void {
    switch (e.type) {
      case 'team':
        for (const name of e.names) this.member(name);
        return;
      case 'teamPlan':
        // A new team task (`skillcraft agent --bots` runs one after another): sub-goal ids start again at 1.
        if (this.goal !== null) this.newTask();
        this.goal = e.goal;
        this.assembler = e.assembler;
        this.estimate = { ...e.estimate };
        this.end = null;
        for (const a of e.assignments) {
          const m = this.member(a.who);
          for (const g of a.subGoals) if (!m.assigned.includes(g.id)) m.assigned.push(g.id);
        }
        return;
      case 'assign': {
        const m = this.members.get(e.who);
        if (!m) return;
        m.subGoal = e.subGoal;
        if (!m.assigned.includes(e.subGoal.id)) m.assigned.push(e.subGoal.id);
        return;
      }
      case 'reassign': {
        const from = this.members.get(e.from);
        if (from?.subGoal?.id === e.subGoal.id) from.subGoal = null;
        if (from) from.assigned = from.assigned.filter((id) => id !== e.subGoal.id);
        // Planned for `to` (which may be busy with another, or name no one yet: `first free member`);
        // it becomes the row's current sub-goal with the `assign` sent when it is started.
        const to = this.members.get(e.to);
        if (to && !to.assigned.includes(e.subGoal.id)) to.assigned.push(e.subGoal.id);
        this.reassigned++;
        return;
      }
      case 'memberLost': {
        const m = this.members.get(e.who);
        if (!m) return;
        m.lost = e.why;
        m.cutOff = true;
        return;
      }
      case 'memberBack': {
        const m = this.members.get(e.who);
        if (!m) return;
        m.lost = null;
        m.note = null;
        return;
      }
      case 'memberNote': {
        const m = this.members.get(e.who);
        if (m) m.note = e.text;
        return;
      }
      case 'handover':
        if (e.ok) this.handovers.ok++;
        else this.handovers.failed++;
        return;
      case 'teamEnd':
        this.end = e.summary;
        this.reassigned = e.summary.reassigned;
        return;
      case 'member': {
        const m = this.members.get(e.who);
        if (!m) return;
        m.run.apply(e.event);
        if (e.event.type === 'task') m.cutOff = false;
        // A run that ends finishes the sub-goal it was started for; the assembler's own goal has none.
        if (e.event.type === 'end' && m.subGoal) {
          (e.event.summary.success ? m.done : m.failed).push(m.subGoal.id);
          m.subGoal = null;
        }
        return;
      }
    }
  }

  snapshot(): TeamSnapshot {
    return {
      goal: this.goal,
      assembler: this.assembler,
      estimate: this.estimate,
      members: [...this.members.values()].map((m) => memberSnapshot(m, this.end !== null)),
      handovers: { ...this.handovers },
      reassigned: this.reassigned,
      end: this.end,
    };
  }

  /** Forgets the last task's parts and counts; a member lost for good stays lost. */
  private newTask(): void {
    this.handovers = { ok: 0, failed: 0 };
    this.reassigned = 0;
    for (const m of this.members.values()) {
      m.subGoal = null;
      m.assigned = [];
      m.done = [];
      m.failed = [];
    }
  }

  /** Rows are made by the member list and the team's plan; anything else naming someone else is not a row. */
  private member(name: string): Member {
    let m = this.members.get(name);
    if (!m) {
      m = { name, run: new RunState(this.clock), lost: null, cutOff: false, note: null, subGoal: null, assigned: [], done: [], failed: [] };
      this.members.set(name, m);
    }
    return m;
  }
}

function memberSnapshot(m: Member, teamOver: boolean): MemberSnapshot {
  const run = m.run.view();
  return {
    name: m.name,
    state: memberState(m, run.activity, run.task !== null && run.end === null && !m.cutOff, teamOver),
    note: m.lost ?? run.activity ?? m.note,
    subGoal: m.subGoal,
    assigned: [...m.assigned],
    done: [...m.done],
    failed: [...m.failed],
    task: run.task,
    steps: run.steps,
    running: m.cutOff ? null : run.running,
    bot: run.bot,
    end: run.end,
  };
}

/**
 * Lost until connected again; handing over while the coordinator says so (its `activity` for that
 * member); working from the sub-goal given until its run ends; waiting otherwise (for items, or done).
 */
function memberState(m: Member, activity: string | null, runOpen: boolean, teamOver: boolean): MemberState {
  if (m.lost !== null) return 'lost';
  if (teamOver) return 'waiting';
  if (activity) return 'handing over';
  return runOpen || m.subGoal ? 'working' : 'waiting';
}
