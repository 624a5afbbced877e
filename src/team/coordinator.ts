// The team's coordinator: splits the goal (split.ts), runs every share through the same runTask as a single
// bot, hands the results to the assembler, which makes the goal. A lost member's parts go to whoever is free
// first; a member with nothing left copies a part another still works on, the slower one is called off
// (ledger.ts). The assembler is chosen at the end unless the caller named one (assemble.ts); its own last run
// plans anything still missing, so the goal never depends on one helper.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { RunEvents } from '../agent/events.ts';
import type { StopLimits } from '../agent/loop.ts';
import type { ResilientSummary } from '../agent/resilience/summary.ts';
import { runTask } from '../agent/run.ts';
import { TraceWriter } from '../agent/trace.ts';
import { round1 } from '../bot/blockScan.ts';
import { ClaimBoard, joinClaims } from '../bot/claims.ts';
import { inventoryCounts } from '../actions/index.ts';
import type { Knowledge } from '../knowledge/kb.ts';
import type { Planner } from '../planner/types.ts';
import type { SkillRegistry } from '../skills/define.ts';
import { describeGoal, type Goal } from '../tasks/goal/goal.ts';
import { TeamEvents } from './events.ts';
import { TeamState } from './state.ts';
import { itemsText } from './format.ts';
import { comeNear, handOver, standAside } from './handover.ts';
import { clearAround, DIRECT, gatherSeconds, goToMeeting, meetIfApart } from './rendezvous.ts';
import { chooseAssembler, deliveries } from './assemble.ts';
import { PartsLedger } from './ledger.ts';
import { PartRun } from './partRun.ts';
import { workWithMailbox } from './mailbox.ts';
import { finishEstimator, pooledTransfers, splitGoal, withExtras } from './share.ts';
import type { Handover, Items, MemberSummary, SubGoal, TeamEvent, TeamMember, TeamSummary } from './types.ts';
import type { GraphPlanner } from '../planner/graph/index.ts';

export interface TeamRunOptions {
  skills: SkillRegistry;
  knowledge: Knowledge;
  /**
   * The planner each member decides with (one per member: planners learn what their bot saw). `team` is
   * the team's state for this member, for a chat model's prompt (src/team/state.ts).
   */
  planner: (member: TeamMember, team: () => string) => Planner;
  /** The graph planner the split is estimated with (one per member too). */
  graph: (member: TeamMember) => GraphPlanner;
  log: Logger;
  signal: AbortSignal;
  /** Who makes the goal (default the first member). */
  assembler?: string;
  events?: TeamEvents;
  /** Team trace (team's events, one JSONL) under a new folder here; each member's runs in a sub-folder. */
  traceRoot?: string;
  limits?: Partial<StopLimits>;
  text?: string;
}

export interface TeamRun {
  summary: TeamSummary;
  traceDir?: string;
}

interface MemberState {
  member: TeamMember;
  summary: MemberSummary;
  /** Aborts this member's current run (it was lost). */
  abort: AbortController;
  /** Calls off the part it works on now (the team has enough of that item). */
  callOff?: PartRun;
}

export async function runTeamTask(members: TeamMember[], goal: Goal, opts: TeamRunOptions): Promise<TeamRun> {
  const first = members[0];
  if (!first) throw new Error('a team needs at least one member');
  // Named by the caller (a split-inventory task's goal belongs in its first member's hands), or chosen once
  // the parts are made: whoever holds most of them (assemble.ts). Until then the first member.
  const fixed = opts.assembler === undefined ? undefined : members.find((m) => m.name === opts.assembler) ?? first;
  let assembler = fixed ?? first;
  /** The parts the goal's last step takes: the pooled items and every share. */
  const wanted: Items = {};
  const events = opts.events ?? new TeamEvents(opts.log);
  const trace = opts.traceRoot === undefined ? undefined : new TraceWriter(opts.traceRoot);
  const offTrace = trace ? events.on((e) => { if (e.event !== 'bot') trace.write(e as unknown as Record<string, unknown>); }) : undefined;
  const started = performance.now();
  const startAge = Number(assembler.bot.time.age);
  /** Where the team meets for the hand-overs: where the first member stood at the start (the spawn, in the open). */
  const meeting = first.bot.entity.position.clone();
  const board = new ClaimBoard();
  const states = new Map<string, MemberState>(members.map((m) => [m.name, {
    member: m, abort: new AbortController(), summary: { name: m.name, done: [], failed: [], steps: 0, failures: 0, lost: false, runs: [] },
  }]));
  for (const m of members) joinClaims(m.bot, board, m.name);
  const handovers: Handover[] = [];
  const teamState = new TeamState(members, fixed?.name, describeGoal(goal));
  let reassigned = 0;
  const env = { skills: opts.skills, knowledge: opts.knowledge, log: opts.log, signal: opts.signal };
  const emit = (e: TeamEvent) => events.emit(e);
  /** A hand-over, shown while it lasts as both members' activity (the dashboard's "handing over" state). */
  const handOverShown = async (giver: TeamMember, items: Record<string, number>): Promise<Handover> => {
    emit({ event: 'activity', who: giver.name, text: `handing over ${itemsText(items)} to ${assembler.name}` });
    emit({ event: 'activity', who: assembler.name, text: `receiving ${itemsText(items)} from ${giver.name}` });
    try {
      const h = await handOver(env, giver, assembler, items, members.filter((m) => !states.get(m.name)!.summary.lost));
      handovers.push(h);
      emit({ event: 'handover', ...h });
      return h;
    } finally {
      emit({ event: 'activity', who: giver.name, text: null });
      emit({ event: 'activity', who: assembler.name, text: null });
    }
  };

  const lose = (s: MemberState, why: string) => {
    if (s.summary.lost) return;
    s.summary.lost = true;
    teamState.set(s.member.name, 'lost');
    // Its furnace and the blocks it meant to dig are free for the others now, not when the claims expire.
    board.releaseAll(s.member.name);
    emit({ event: 'member_lost', who: s.member.name, why });
    s.abort.abort(new Error(`${s.member.name} was lost: ${why}`));
  };

  /** One run of one member, with the team's claims re-joined after a reconnect and its events tagged. */
  const runOn = async (s: MemberState, g: Goal, text: string, pause?: () => Promise<void>, callOff?: AbortSignal): Promise<ResilientSummary> => {
    const m = s.member;
    const memberEvents = new RunEvents(opts.log);
    const offForward = memberEvents.on(events.member(m.name));
    const offBot = memberEvents.on((e) => {
      s.callOff?.watch(e);
      if (e.event === 'bot') { m.bot = e.bot; joinClaims(e.bot, board, m.name); }
      if (e.event === 'gave_up') lose(s, e.reason);
      // A retired member's connection is gone for good: its parts are re-assigned now, not after the reconnect attempts.
      if (e.event === 'disconnected' && !m.connect) lose(s, `its connection was cut (${e.reason}) and it cannot come back`);
    });
    const signal = AbortSignal.any([opts.signal, s.abort.signal, ...(callOff ? [callOff] : [])]);
    try {
      const connect = (sig: AbortSignal) => (m.connect ? m.connect(sig) : Promise.reject(new Error(`${m.name} left the team`)));
      const world = { bot: m.bot, ...(m.connect ? { connect } : {}) };
      const { summary } = await runTask(world, g, {
        planner: opts.planner(m, () => teamState.text(m.name)), skills: opts.skills, knowledge: opts.knowledge, events: memberEvents, text,
        log: opts.log.child({ who: m.name }), signal, ...(trace ? { traceRoot: join(trace.dir, m.name) } : {}),
        ...(opts.limits ? { limits: opts.limits } : {}), ...(pause ? { pause } : {}),
      });
      s.summary.runs.push(summary);
      s.summary.steps += summary.steps;
      s.summary.failures += summary.failures;
      if (summary.reason === 'disconnected') lose(s, summary.detail ?? 'its connection was lost');
      return summary;
    } finally {
      offForward();
      offBot();
    }
  };
  const itemGoal = (s: MemberState, sg: SubGoal): Goal => {
    const held = inventoryCounts(s.member.bot).get(sg.item) ?? 0;
    return { kind: 'item', items: [sg.item], count: held + sg.count };
  };

  try {
    // Items team mates already hold that the goal uses go to the assembler first (split inventories).
    for (const t of pooledTransfers(goal, assembler, members, opts.graph(assembler))) {
      await handOverShown(states.get(t.from)!.member, t.items);
      for (const [item, n] of Object.entries(t.items)) wanted[item] = (wanted[item] ?? 0) + n;
    }
    const split = splitGoal(goal, assembler, members.filter((m) => !states.get(m.name)!.summary.lost), opts.graph);
    for (const sg of [...split.shares.values()].flat()) wanted[sg.item] = (wanted[sg.item] ?? 0) + sg.count;
    emit({
      event: 'team_plan', assembler: assembler.name, goal: describeGoal(goal),
      assignments: [...split.shares].map(([who, subGoals]) => ({ who, subGoals })), estimate: { team: Math.round(split.team), alone: Math.round(split.alone) },
    });
    // Parts a member failed or left when it was lost, for whoever is free first and has not tried them.
    const orphans: { sg: SubGoal; from: string }[] = [];
    const tried = new Map<number, Set<string>>();
    const take = (s: MemberState): SubGoal | undefined => {
      const i = orphans.findIndex((o) => !tried.get(o.sg.id)?.has(s.member.name));
      if (i < 0) return undefined;
      const [o] = orphans.splice(i, 1);
      reassigned++;
      emit({ event: 'reassign', from: o!.from, to: s.member.name, subGoal: o!.sg, why: `${o!.from} could not finish it` });
      return o!.sg;
    };
    const ledger = new PartsLedger(split.shares);
    /** The next part for `s`: its own, one left by another, else a copy of a part another member is still on. */
    const next = (s: MemberState, queue: SubGoal[]): { sg: SubGoal; why?: string } | undefined => {
      // Stopped: nothing more is taken (no `reassign` after a stop).
      if (opts.signal.aborted) return undefined;
      for (let sg = queue.shift(); sg; sg = queue.shift()) if (ledger.wanted(sg)) return { sg };
      const orphan = take(s);
      if (orphan) return { sg: orphan };
      const copy = ledger.copyFor(s.member.name);
      return copy && { sg: copy.subGoal, why: `the same as ${copy.of}'s part, whichever is done first counts` };
    };
    const callOff = (who: string, item: string) => {
      const st = states.get(who);
      if (!st?.callOff || st.callOff.calledOff) return;
      const when = st.callOff.callOff(new Error(`the team has made enough ${item}`));
      emit({ event: 'call_off', who, item, why: `the team has made enough ${item}${when === 'now' ? '' : '; its smelt ends first'}` });
    };
    const work = async (s: MemberState, queue: SubGoal[], pause?: () => Promise<void>): Promise<SubGoal[]> => {
      const done: SubGoal[] = [];
      const leave = (sg: SubGoal) => orphans.push({ sg, from: s.member.name });
      for (let n = next(s, queue); n; n = next(s, queue)) {
        const { sg } = n;
        if (s.summary.lost || opts.signal.aborted) { leave(sg); queue.splice(0).forEach(leave); break; }
        tried.set(sg.id, new Set([...(tried.get(sg.id) ?? []), s.member.name]));
        emit({ event: 'assign', who: s.member.name, subGoal: sg, why: n.why ?? (tried.get(sg.id)!.size > 1 ? 're-assigned' : `estimated ${Math.round(sg.estimate)} s`) });
        teamState.set(s.member.name, 'working', sg);
        ledger.start(s.member.name, sg);
        s.callOff = new PartRun();
        const r = await runOn(s, itemGoal(s, sg), `${sg.count} ${sg.item}`, pause, s.callOff.signal);
        const calledOff = s.callOff.calledOff;
        s.callOff = undefined;
        if (!s.summary.lost) teamState.set(s.member.name, r.success ? 'done' : 'waiting');
        if (r.success) {
          done.push(sg);
          s.summary.done.push(sg.id);
          for (const who of ledger.finish(s.member.name, sg)) callOff(who, sg.item);
          continue;
        }
        ledger.stop(s.member.name);
        // Called off: the team has enough of it from another member; not a failure to pass on.
        if (calledOff && !s.summary.lost && !opts.signal.aborted) continue;
        s.summary.failed.push(sg.id);
        // Another member tries it once; the assembler's own last run plans whatever is still missing.
        if (tried.get(sg.id)!.size < 2) leave(sg);
        if (s.summary.lost) { queue.splice(0).forEach(leave); break; }
      }
      return done;
    };
    if (fixed) {
      // A named assembler takes the helpers' parts while it works (mailbox.ts).
      const helpers = [...states.values()].filter((s) => s.member !== fixed).map((s) => async () => {
        const done = await work(s, [...(split.shares.get(s.member.name) ?? [])]);
        if (done.length === 0 || s.summary.lost) return undefined;
        const items: Items = {};
        for (const sg of done) items[sg.item] = (items[sg.item] ?? 0) + sg.count;
        // Towards the assembler while it still works, so that taking the items costs it a throw, not a walk.
        await comeNear(env, s.member, fixed);
        return { giver: s.member, items };
      });
      await workWithMailbox((pause) => work(states.get(fixed.name)!, [...(split.shares.get(fixed.name) ?? [])], pause), helpers, async (d, waiting) => { await clearAround(env, fixed, d.giver, waiting.map((w) => w.giver)); await handOverShown(d.giver, d.items); await standAside(env, d.giver, fixed); }, opts.signal);
    } else {
      // A member with nothing left walks back to the meeting spot while others still work (the walk costs the team
      // nothing then): the hand-overs after the last part are short throws in the open, not walks between tunnels.
      let working = states.size;
      const made = new AbortController();
      const gathering = { ...env, signal: AbortSignal.any([opts.signal, made.signal]) };
      await Promise.all([...states.values()].map(async (s) => {
        await work(s, [...(split.shares.get(s.member.name) ?? [])]);
        if (--working === 0) made.abort();
        else if (!s.summary.lost && !opts.signal.aborted) await goToMeeting(gathering, s.member, meeting).catch((err: unknown) => { if (!made.signal.aborted) throw err; });
      }));
      const holders = [...states.values()].filter((s) => !s.summary.lost).map((s) => ({ name: s.member.name, member: s.member, held: inventoryCounts(s.member.bot) }));
      const firstHolder = holders.find((h) => h.member === first) ?? holders[0];
      if (firstHolder && !opts.signal.aborted) {
        // A receiver may take only the near mates' parts and make the rest itself (a far mate deep in its shaft).
        const chosen = chooseAssembler(holders, wanted, firstHolder, (r, givers) => gatherSeconds(r.member, givers.map((g) => g.member), meeting), finishEstimator(goal, opts.graph, wanted));
        assembler = chosen.assembler.member;
        teamState.assembledBy(assembler.name);
        emit({ event: 'assembler', who: assembler.name, why: chosen.why, ...(chosen.seconds === undefined ? {} : { seconds: chosen.seconds }) });
        // Every giver walks over at once, then throws in turn; a second pass: what a throw left with another mate.
        for (let pass = 0; pass < 2 && !opts.signal.aborted; pass++) {
          const now = holders.map((h) => ({ ...h, held: inventoryCounts(h.member.bot) }));
          const target = now.find((h) => h.member === assembler)!;
          // The chosen givers; in the second pass also whoever stands by the assembler (it caught a throw).
          const gives = (h: (typeof now)[number]) => chosen.gifts.some((g) => g.giver.name === h.name) || (pass > 0 && h.member.bot.entity.position.distanceTo(assembler.bot.entity.position) <= DIRECT);
          const gifts = withExtras(deliveries(target, now.filter((h) => h !== target && gives(h) && !states.get(h.name)!.summary.lost), wanted), goal, assembler, opts.graph(assembler), wanted);
          if (gifts.length === 0) break;
          await meetIfApart(env, assembler, gifts.map((g) => g.giver.member), meeting);
          await Promise.all(gifts.map((g) => comeNear(env, g.giver.member, assembler)));
          // Whoever else stands in reach of the assembler (a giver that has thrown) steps aside before each throw.
          for (const g of gifts) {
            await clearAround(env, assembler, g.giver.member, now.map((h) => h.member));
            await handOverShown(g.giver.member, g.items);
          }
        }
      }
    }
    // Parts nobody took (every helper busy, lost or tried) are left to the assembler's goal run, which plans them.
    orphans.splice(0);
    const assemblerState = states.get(assembler.name)!;
    // Stopped: no last run (it would only start to say it was stopped); the team's end still comes.
    const final = opts.signal.aborted ? undefined : await runOn(assemblerState, goal, opts.text ?? describeGoal(goal));
    const summary: TeamSummary = {
      goal: describeGoal(goal), success: final?.success ?? false, reason: final?.reason ?? 'aborted', ...(final?.detail ? { detail: final.detail } : {}),
      bots: members.length, assembler: assembler.name, gameSeconds: round1((Number(assembler.bot.time.age) - startAge) / 20),
      wallSeconds: round1((performance.now() - started) / 1000), members: [...states.values()].map((s) => s.summary), handovers, reassigned,
      ...(trace ? { traceDir: trace.dir } : {}),
    };
    emit({ event: 'team_end', summary });
    trace?.summary(summary as unknown as Record<string, unknown>);
    return { summary, ...(trace ? { traceDir: trace.dir } : {}) };
  } finally {
    offTrace?.();
    trace?.close();
  }
}

/** Cuts one member off for good (its connection ends and it may not come back): what a crashed bot does to a team. */
export function retire(member: TeamMember): void {
  delete member.connect;
  member.bot.end('retired from the team');
}
