import { resilienceLine } from '../agent/resilience/summary.ts';
import { isMemberEvent, itemsLost, TEAM_TAG, teamEventLines, type MemberRunEvent } from '../team/format.ts';
import type { TeamEvent, TeamSummary } from '../team/types.ts';
import type { DashboardEvent, MemberEvent, ModelTotals, TeamEnd } from './types.ts';
import { runEnd } from './watch.ts';

type Publish = (event: DashboardEvent) => void;

/**
 * Connects a team's events to the dashboard: each member's run goes to its row, the coordinator's
 * split, assignments, losses and hand-overs to the team's, and each coordinator event is also a log
 * line (`[team] handover …`). Chat-model usage is summed over the members.
 */
export function watchTeam(dashboard: { publish: Publish }): (e: TeamEvent) => void {
  const { publish } = dashboard;
  let model: ModelTotals | undefined;
  const member = (who: string, event: MemberEvent): void => publish({ type: 'member', who, event });
  const onMember = (e: MemberRunEvent): void => {
    const { who } = e;
    switch (e.event) {
      case 'task': member(who, { type: 'task', text: e.text, goal: e.goal }); return;
      case 'plan': member(who, { type: 'plan', plan: e.plan }); return;
      case 'step_start': member(who, { type: 'skillStart', step: e.step, decision: e.decision }); return;
      case 'step':
        member(who, {
          type: 'step', step: e.step, decision: e.decision, ok: e.outcome.ok, elapsedMs: e.outcome.elapsedMs,
          ...(e.outcome.ok ? {} : { message: `${e.outcome.code}: ${e.outcome.message}` }),
        });
        return;
      case 'resilient_end': member(who, { type: 'end', summary: runEnd(e.summary) }); return;
      case 'activity': member(who, { type: 'activity', text: e.text }); return;
      case 'model_call':
        model = {
          calls: (model?.calls ?? 0) + 1,
          promptTokens: (model?.promptTokens ?? 0) + e.promptTokens,
          completionTokens: (model?.completionTokens ?? 0) + e.completionTokens,
        };
        publish({ type: 'model', totals: model });
        return;
      case 'disconnected': case 'died': case 'gave_up':
        publish({ type: 'memberNote', who, text: resilienceLine(e) ?? null });
        return;
      case 'reconnected': case 'respawned':
        publish({ type: 'memberNote', who, text: null });
        return;
      case 'bot': publish({ type: 'memberBack', who }); return;
      default:
    }
  };
  return (e) => {
    if (isMemberEvent(e)) return onMember(e);
    for (const msg of teamEventLines(e)) publish({ type: 'log', line: { time: Date.now(), level: e.event === 'member_lost' || (e.event === 'handover' && !e.ok) ? 'warn' : 'info', msg, component: TEAM_TAG } });
    switch (e.event) {
      case 'team_plan':
        publish({ type: 'team', names: [...new Set([e.assembler, ...e.assignments.map((a) => a.who)])] });
        publish({ type: 'teamPlan', goal: e.goal, assembler: e.assembler, assignments: e.assignments, estimate: e.estimate });
        return;
      case 'assign': publish({ type: 'assign', who: e.who, subGoal: e.subGoal }); return;
      case 'reassign': publish({ type: 'reassign', from: e.from, to: e.to, subGoal: e.subGoal }); return;
      case 'member_lost': publish({ type: 'memberLost', who: e.who, why: e.why }); return;
      case 'handover': publish({ type: 'handover', from: e.from, to: e.to, ok: e.ok }); return;
      case 'team_end': publish({ type: 'teamEnd', summary: teamEnd(e.summary) }); return;
    }
  };
}

/** What the page shows of a team's end. */
export function teamEnd(s: TeamSummary): TeamEnd {
  const sum = (f: (m: TeamSummary['members'][number]) => number) => s.members.reduce((n, m) => n + f(m), 0);
  return {
    goal: s.goal, success: s.success, reason: s.reason, ...(s.detail ? { detail: s.detail } : {}),
    steps: sum((m) => m.steps), failures: sum((m) => m.failures), failuresRecovered: sum((m) => m.runs.reduce((n, r) => n + r.failuresRecovered, 0)),
    wallSeconds: s.wallSeconds, gameSeconds: s.gameSeconds, bots: s.bots, assembler: s.assembler,
    handovers: s.handovers.length, itemsLost: s.handovers.reduce((n, h) => n + itemsLost(h), 0), reassigned: s.reassigned,
  };
}
