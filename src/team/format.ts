// The terminal's view of a team: each member's lines as a single bot prints them, prefixed by its
// name, and one line for each thing the coordinator does (split, assign, re-assign, hand-over, end).
import type { RunEvent, RunListener } from '../agent/events.ts';
import { formatSummary, terminalSink } from '../agent/format.ts';
import { resilienceText } from '../agent/resilience/summary.ts';
import type { Handover, Items, SubGoal, TeamEvent, TeamSummary } from './types.ts';

/** The coordinator's own events; every other TeamEvent is a member's RunEvent. */
type CoordinatorEvent = Extract<TeamEvent, { event: 'team_plan' | 'assign' | 'reassign' | 'call_off' | 'assembler' | 'member_lost' | 'handover' | 'team_end' }>;
export type MemberRunEvent = RunEvent & { who: string };

const COORDINATOR: ReadonlySet<string> = new Set(['team_plan', 'assign', 'reassign', 'call_off', 'assembler', 'member_lost', 'handover', 'team_end']);

export function isMemberEvent(e: TeamEvent): e is MemberRunEvent {
  return !COORDINATOR.has(e.event);
}

/** The prefix of the coordinator's lines. */
export const TEAM_TAG = 'team';

/** `3 cobblestone, 2 oak_log`, or `nothing`. */
export function itemsText(items: Items): string {
  const parts = Object.entries(items).filter(([, n]) => n > 0).map(([name, n]) => `${n} ${name}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

/** Items that left the giver and reached neither the receiver nor a team mate (who hands them on). */
export function itemsLost(h: Pick<Handover, 'out' | 'in' | 'astray'>): number {
  let lost = 0;
  for (const [name, n] of Object.entries(h.out)) {
    const mates = Object.values(h.astray ?? {}).reduce((k, items) => k + (items[name] ?? 0), 0);
    lost += Math.max(0, n - (h.in[name] ?? 0) - mates);
  }
  return lost;
}

export function subGoalText(g: SubGoal): string {
  return `#${g.id} ${g.count} ${g.item}`;
}

/** The lines of a coordinator event (several for the end: the summary, then one per member). */
export function teamEventLines(e: CoordinatorEvent): string[] {
  switch (e.event) {
    case 'team_plan': {
      const who = e.assignments.map((a) => `${a.who}: ${a.subGoals.length ? a.subGoals.map(subGoalText).join(', ') : 'nothing'}`);
      return [`team plan: ${e.goal}, assembled by ${e.assembler} — ${who.length ? who.join('; ') : 'nothing to share'} — estimate ${secs(e.estimate.team)} as a team, ${secs(e.estimate.alone)} alone`];
    }
    case 'assign': return [`assign ${subGoalText(e.subGoal)} → ${e.who} (${e.why})`];
    case 'reassign': return [`reassign ${subGoalText(e.subGoal)}: ${e.from} → ${e.to} (${e.why})`];
    case 'call_off': return [`call off ${e.who}'s ${e.item} (${e.why})`];
    case 'assembler': return [`${e.who} assembles (${e.why}${e.seconds === undefined ? '' : `; estimate ${secs(e.seconds)}`})`];
    case 'member_lost': return [`${e.who} lost: ${e.why}`];
    case 'handover': return [handoverLine(e)];
    case 'team_end': return formatTeamSummary(e.summary).split('\n');
  }
}

export function handoverLine(h: Handover): string {
  const lost = itemsLost(h);
  const outcome = h.ok ? 'ok' : 'FAILED';
  const astray = Object.entries(h.astray ?? {}).map(([who, items]) => `, ${itemsText(items)} picked up by ${who}`).join('');
  return `handover ${h.from} → ${h.to} by ${h.method} (${h.why}): ${itemsText(h.items)}; out ${itemsText(h.out)}, in ${itemsText(h.in)}${astray}${lost ? `, ${lost} lost` : ''}, ${secs(h.gameSeconds)} game  ${outcome}`;
}

/** The team's end: a line like a single run's summary, then one line per member. */
export function formatTeamSummary(s: TeamSummary): string {
  const head = s.success ? `done: ${s.goal}` : `not done: ${s.goal} (${s.reason}${s.detail ? `: ${s.detail}` : ''})`;
  const steps = s.members.reduce((n, m) => n + m.steps, 0);
  const failures = s.members.reduce((n, m) => n + m.failures, 0);
  const lost = s.handovers.reduce((n, h) => n + itemsLost(h), 0);
  const handovers = `${s.handovers.length} hand-over${s.handovers.length === 1 ? '' : 's'} (${lost} item${lost === 1 ? '' : 's'} lost)`;
  const lines = [
    `${head} by ${s.bots} bot${s.bots === 1 ? '' : 's'}, assembled by ${s.assembler} — ${steps} steps, ${failures} failed, ${handovers}, ${s.reassigned} reassigned, ${s.wallSeconds} s wall, ${s.gameSeconds} s game${s.traceDir ? `, trace ${s.traceDir}` : ''}`,
  ];
  for (const m of s.members) {
    const ids = (v: number[]) => (v.length ? v.map((id) => `#${id}`).join(' ') : '—');
    lines.push(`  ${m.name}${m.lost ? ' (lost)' : ''}: done ${ids(m.done)}, failed ${ids(m.failed)}; ${m.steps} steps, ${m.failures} failed`);
  }
  return lines.join('\n');
}

/**
 * Every member's lines as a single run prints them (src/agent/format.ts), prefixed by its name, plus
 * its task and its end; every coordinator event as `[team] …` lines. Prefixes are padded to the
 * longest name seen so far, so the columns line up once the team's plan has named everyone.
 */
export function teamTerminalSink(out: (line: string) => void): (e: TeamEvent) => void {
  let width = TEAM_TAG.length;
  const see = (name: string): void => { width = Math.max(width, name.length); };
  const tag = (name: string): string => `[${name}]`.padEnd(width + 2);
  const members = new Map<string, RunListener>();
  const memberSink = (who: string): RunListener => {
    let sink = members.get(who);
    if (!sink) {
      sink = terminalSink((line) => out(`${tag(who)} ${line}`));
      members.set(who, sink);
    }
    return sink;
  };
  return (e) => {
    if (isMemberEvent(e)) {
      see(e.who);
      if (e.event === 'task') out(`${tag(e.who)} task: ${e.text} → ${e.goal}`);
      else if (e.event === 'resilient_end') out(`${tag(e.who)} ${formatSummary(e.summary)}${resilienceText(e.summary.resilience)}`);
      else if (e.event === 'notice') out(`${tag(e.who)} ${e.text}`);
      else memberSink(e.who)(e);
      return;
    }
    // Names that will prefix members' lines (not `reassign`'s `to`, which may be `first free member`).
    if (e.event === 'team_plan') {
      see(e.assembler);
      for (const a of e.assignments) see(a.who);
    } else if (e.event === 'handover') {
      see(e.from);
      see(e.to);
    } else if (e.event === 'assign' || e.event === 'member_lost') {
      see(e.who);
    }
    for (const line of teamEventLines(e)) out(`${tag(TEAM_TAG)} ${line}`);
  };
}

function secs(n: number): string {
  return `${Math.round(n * 10) / 10} s`;
}
