import type { Knowledge } from '../../knowledge/kb.ts';
import { cookTicks } from '../../knowledge/smelting.ts';
import type { WorldModel } from '../../knowledge/world.ts';
import { FUEL_GROUP, isGroup } from '../../knowledge/groups.ts';
import type { CostTable } from './costs.ts';
import { movesFar } from './costs.ts';
import { digAction, digStops, digUses, targetDepth } from './depth.ts';
import type { Action, SkillModel } from './model.ts';
import { describeAction, factRank, noWay, rankOptions, unitsOf, usesOf } from './rank.ts';
import { membersOf } from './members.ts';
import { itemsFor } from './score.ts';
import { bringPickaxes, digsOf, getTool, MANY_DIGS, toolsForDigs } from './tools.ts';
import { applyAction, cloneState, countOf, holds, nearbySubject, type PlanState } from './state.ts';
import { Unplannable } from './unplannable.ts';
import { STATIONS, walksAway } from './walksAway.ts';


export interface PlanStep {
  action: Action;
  /** Why it is in the plan ("3 #planks for craftItem wooden_pickaxe"). */
  reason: string;
}

export interface SearchContext {
  model: SkillModel;
  kb: Knowledge;
  world: WorldModel;
  costs: CostTable;
  /** Extra seconds per action kind (failed before); Infinity bans it. */
  penalty: ReadonlyMap<string, number>;
  /** Facts the observation claims but a skill just found false (a block seen but not reachable). */
  distrust: ReadonlySet<string>;
  /** Second pass: what the first pass used up of each item in total, so that one run makes all of it. */
  reserve?: ReadonlyMap<string, number>;
  /** Extra tools per action kind: a dig that wore out its pickaxes needs another one (see history.ts). */
  extraTools?: ReadonlyMap<string, number>;
  /** Allow assumed mob skills (only to explain what is missing). */
  hypothetical?: boolean;
}

const MAX_DEPTH = 24;
const MAX_STEPS = 300;
const ROUNDS = 4;
/** Plans undone per search, at most. */
const BACKTRACKS = 30;

/** Plays the goal backwards from the state: Plan4MC's consume / require / equip / facts, depth first. */
export class Search {
  readonly steps: PlanStep[] = [];
  /** Items used up so far, by item. */
  readonly used = new Map<string, number>();
  /** Needs being worked on, outermost first (to keep the search for a missing resource out of cycles). */
  private readonly active: string[] = [];

  /** Plans undone and tried another way; bounded so that an unplannable goal fails fast. */
  private budget = BACKTRACKS;

  private readonly startInventory: ReadonlyMap<string, number>;

  constructor(private readonly ctx: SearchContext, public state: PlanState) {
    this.startInventory = new Map(state.inv);
  }

  /** Makes the state hold `count` of any of `members` (a goal's item list or a group's members). */
  items(label: string, members: readonly string[], count: number, why: string, depth: number): void {
    this.within(label, () => this.itemsNow(label, members, count, why, depth));
  }

  private itemsNow(label: string, members: readonly string[], count: number, why: string, depth: number): void {
    const have = () => members.reduce((n, m) => n + (this.state.inv.get(m) ?? 0), 0);
    for (let round = 0; round < ROUNDS && have() < count; round++) {
      const missing = count - have();
      const options = members.flatMap((m) => this.producers(m, missing));
      this.runBest(options, depth, label, `${missing} ${label} for ${why}`, (o) => Math.min(missing, members.reduce((n, m) => n + (o.obtain.get(m) ?? 0), 0)));
    }
    if (have() < count) throw new Unplannable(label, `could not obtain ${count} ${label}`);
  }

  /** Makes the state hold `count` of an item or `#group` (smelts for `#fuel`). */
  item(name: string, count: number, why: string, depth: number): void {
    this.within(name, () => this.itemNow(name, count, why, depth));
  }

  private itemNow(name: string, count: number, why: string, depth: number): void {
    const kb = this.ctx.kb;
    for (let round = 0; round < ROUNDS && countOf(this.state, name, kb) < count; round++) {
      const have = countOf(this.state, name, kb);
      const missing = count - have;
      // Second pass: make now all that the rest of the plan will use of it.
      const options: Action[] = [];
      const asked = new Map<Action, number>();
      for (const m of membersOf(name, kb)) {
        const want = itemsFor(name, m, missing, kb);
        if (!Number.isFinite(want)) continue;
        for (const o of this.producers(m, want)) {
          // Sticks from planks for fuel burn less than the planks would: no gain.
          if (isGroup(name) && unitsOf(o, name, kb) <= usesOf(o, name, kb)) continue;
          options.push(o);
          // What it is asked to cover: the missing units, plus what the second pass batches on top.
          const perItem = name === FUEL_GROUP ? kb.fuelTicks(m) / cookTicks('furnace') : 1;
          asked.set(o, missing + (this.askedFor(m, want) - want) * perItem);
        }
      }
      this.runBest(options, depth, name, `${missing} ${name} for ${why}`, (o) => Math.min(unitsOf(o, name, kb), asked.get(o) ?? missing));
    }
    if (countOf(this.state, name, kb) < count) throw new Unplannable(name, `could not obtain ${count} ${name}`);
  }

  /** Makes a fact true: dig down first for an underground resource, then find or place the thing. */
  fact(fact: string, why: string, depth: number): void {
    this.within(fact, () => this.factNow(fact, why, depth));
  }

  private within<T>(need: string, work: () => T): T {
    this.active.push(need);
    try {
      return work();
    } finally {
      this.active.pop();
    }
  }

  private factNow(fact: string, why: string, depth: number): void {
    const { kb, world, model } = this.ctx;
    if (this.factHolds(fact)) return;
    const subject = nearbySubject(fact);
    const y = subject === undefined ? undefined : targetDepth(kb, world, subject, this.state.y);
    if (y !== undefined) {
      const why = y > this.state.y ? `${subject} is found on the surface` : `${subject} lies around y ${y}`;
      const first = digAction(model, y);
      if (!first) throw new Unplannable(fact, `${subject} is underground and no digToLevel skill is registered`);
      // Pickaxes for the whole way down before setting off: sticks and planks are up here.
      if (y < this.state.y) bringPickaxes(this, this.ctx.costs, first.equip, digUses(this.state.y - y), why, depth);
      // In stages, so that the plan is made again on the way and an ore seen early is mined there.
      for (const stop of digStops(this.state.y, y)) {
        const dig = digAction(model, stop)!;
        if (this.ctx.penalty.get(dig.kind) === Infinity) throw new Unplannable(fact, `digging to y ${stop} failed repeatedly`);
        this.run(dig, why, depth + 1);
      }
      if (this.factHolds(fact)) return;
    }
    const options = this.producersOfFact(fact, subject);
    const a = this.runBest(options, depth, fact, `${fact} for ${why}`);
    if (!this.factHolds(fact)) throw new Unplannable(fact, `${a.skill} does not make ${fact} true`);
  }

  /** Gets `block` placed within reach: walk to one in sight, or place one (crafting and all). */
  placed(block: string, depth: number): void {
    if (this.state.inReach.has(block)) return;
    const fact = `${block}_nearby`;
    const options = this.ctx.costs.producersOf(fact, 1).filter((a) => a.consume.has(block) && !a.virtual);
    const walk = this.factHolds(fact, true) ? this.ctx.model.action('goTo', { block, range: 2 }) : null;
    if (walk) options.push(walk);
    // Any block item can be put down by the generic skill when no dedicated one exists.
    const put = options.length === 0 && this.ctx.kb.isItem(block) ? this.ctx.model.action('placeBlock', { item: block }) : null;
    if (put) options.push(put);
    const a = this.within(fact, () => this.runBest(options, depth, fact, `goal: ${block} placed nearby`));
    if (a === walk || a === put) this.state.inReach.add(block);
    if (!this.state.inReach.has(block)) throw new Unplannable(fact, `${a.skill} does not put ${block} within reach`);
  }

  /** Satisfies an action's conditions, then plays it forward. */
  run(a: Action, why: string, depth: number): void {
    if (depth > MAX_DEPTH) throw new Unplannable(a.skill, `the plan for ${why} goes deeper than ${MAX_DEPTH} steps`);
    if (this.steps.length >= MAX_STEPS) throw new Unplannable(a.skill, `the plan is longer than ${MAX_STEPS} steps`);
    const label = describeAction(a);
    const { kb } = this.ctx;
    // Station facts that held when a round began and were gone once its items were gathered (the
    // gathering walked away from the furnace): the next round makes that station first, else it would be
    // made again of the very items gathered for the action, round after round.
    const lost = new Set<string>();
    for (let round = 0; round < ROUNDS && !this.ready(a); round++) {
      // Cheap needs first, dear ones (those that dig down and walk far) last. A station to place
      // (a furnace) is made with the items, so that it is at hand wherever the bot ends up.
      const stations = a.facts.filter((f) => lost.has(f) || !this.factHolds(f)).map((f) => ({ f, b: nearbySubject(f) }))
        .filter((x): x is { f: string; b: string } => x.b !== undefined && !this.ctx.costs.findable(x.b)
          && this.ctx.model.producers(x.f, 1).some((p) => p.consume.has(x.b!)));
      const first = stations.filter((x) => lost.has(x.f)).map(({ b }): [string, number] => [b, 1]);
      const rest = stations.filter((x) => !lost.has(x.f)).map(({ b }): [string, number] => [b, 1]);
      const held = a.facts.filter((f) => this.factHolds(f));
      const byCost = [...a.consume, ...a.require, ...rest].sort((x, y) => this.ctx.costs.items(x[0], x[1]) - this.ctx.costs.items(y[0], y[1]));
      // With a station in reach now, what can be made here first: a need got by walking away (up to the
      // surface for a log) would leave the furnace behind, and the ore beside it would need a second one.
      // Tried only when the order can matter: two needs or more still to get.
      const toGet = byCost.filter(([name, n]) => countOf(this.state, name, kb) < n);
      const away = toGet.length > 1 && STATIONS.some((b) => this.factHolds(`${b}_nearby`)) ? new Set(toGet.filter(([name, n]) => walksAway(this.fork(), name, n, label, depth, this.ctx))) : new Set();
      const needs = [...first, ...byCost.filter((x) => !away.has(x)), ...byCost.filter((x) => away.has(x))];
      for (const [name, n] of needs) this.item(name, n, label, depth);
      for (const f of held) if (!this.factHolds(f)) lost.add(f);
      const tools = this.toolsShort(a);
      const digs = a.skill === 'mineBlock' && a.equip.length > 0 ? digsOf(a, kb) : undefined;
      if (digs && digs.uses >= MANY_DIGS) toolsForDigs(this, this.ctx, a.equip, digs.block, digs.uses, label, depth);
      else if (tools > 0) getTool(this, this.ctx, a.equip, tools, label, depth);
      // Things found in the world last: getting the rest may walk away from them.
      const facts = [...a.facts].sort((x, y) => factRank(this, x) - factRank(this, y));
      for (const f of facts) this.fact(f, label, depth);
    }
    if (!this.ready(a)) throw new Unplannable(a.skill, `could not prepare ${label}`);
    const used = applyAction(this.state, a, kb, movesFar(a, kb, this.ctx.world, this.state));
    for (const [item, n] of used) this.used.set(item, (this.used.get(item) ?? 0) + n);
    this.steps.push({ action: a, reason: why });
  }

  /** A copy of this search, to try a need on without changing this one. */
  fork(): Search {
    return new Search(this.ctx, cloneState(this.state));
  }

  /**
   * Tools an action lacks: one of its list; after it ran out of tools (NO_TOOL), those carried when
   * this plan began plus one for each such failure not answered yet.
   */
  private toolsShort(a: Action): number {
    if (a.equip.length === 0) return 0;
    const count = (inv: ReadonlyMap<string, number>) => a.equip.reduce((n, t) => n + (inv.get(t) ?? 0), 0);
    const extra = this.ctx.extraTools?.get(a.kind) ?? 0;
    const wanted = extra > 0 ? count(this.startInventory) + extra : 1;
    return Math.max(0, wanted - count(this.state.inv));
  }

  factHolds(fact: string, walking = false): boolean {
    return !this.ctx.distrust.has(fact) || this.state.facts.has(fact) ? holds(this.state, fact, this.ctx.kb, walking) : false;
  }

  private ready(a: Action): boolean {
    const { kb } = this.ctx;
    for (const [name, n] of [...a.consume, ...a.require]) if (countOf(this.state, name, kb) < n) return false;
    if (this.toolsShort(a) > 0) return false;
    return a.facts.every((f) => this.factHolds(f, a.skill === 'goTo'));
  }

  /**
   * Producers of `want` more of an item. The second pass asks for all that the rest of the plan
   * will use of it (by the first pass's count), so that it is made in one go: 3 logs once, not 1
   * log three times; cobblestone for a furnace and for smelting together.
   */
  private producers(item: string, want: number): Action[] {
    return this.ctx.costs.producersOf(item, this.askedFor(item, want))
      .filter((a) => (this.ctx.hypothetical || !a.virtual) && !this.cyclic(a));
  }

  private askedFor(item: string, want: number): number {
    const reserved = this.ctx.reserve?.get(item);
    const ahead = reserved === undefined ? 0 : reserved - (this.used.get(item) ?? 0) - (this.state.inv.get(item) ?? 0);
    return Math.max(want, ahead);
  }

  /** Made from something being made right now (a diamond from a diamond block from diamonds). */
  private cyclic(a: Action): boolean {
    for (const [name] of [...a.consume, ...a.require]) if (this.active.includes(name)) return true;
    return false;
  }

  private producersOfFact(fact: string, subject: string | undefined): Action[] {
    const { costs } = this.ctx;
    return costs.producersOf(fact, 1).filter((a) => {
      if (a.virtual && !this.ctx.hypothetical) return false;
      // Looking for something the world does not have is no way to get it (a crafting table is placed, not found).
      return !(subject !== undefined && a.consume.size === 0 && !costs.findable(subject));
    });
  }

  /**
   * Runs the best option; if its plan gets stuck further down, undoes it and tries the next best
   * (a block that failed before, a resource the world lacks), within a budget. When all fail, the
   * first (best) option's failure is the one reported.
   */
  private runBest(options: readonly Action[], depth: number, need: string, why: string, gives?: (a: Action) => number): Action {
    const ranked = rankOptions({ ...this.ctx, state: this.state, active: this.active, factHolds: (f) => this.factHolds(f) }, options, depth < 6, need, gives);
    return this.firstThatWorks(ranked, (a) => { this.run(a, why, depth + 1); }) ?? (() => { throw new Unplannable(need, noWay(need)); })();
  }

  /**
   * Plans with each option in turn until one works; a failed try is undone (within a budget, so that
   * an unplannable goal fails fast). When all fail, the first (best) option's failure is reported.
   */
  firstThatWorks<T>(options: readonly T[], attempt: (o: T) => void): T | undefined {
    let first: Unplannable | undefined;
    for (const o of options) {
      const snap = { state: cloneState(this.state), steps: this.steps.length, used: new Map(this.used) };
      try {
        attempt(o);
        return o;
      } catch (err) {
        if (!(err instanceof Unplannable)) throw err;
        first ??= err;
        this.state = snap.state;
        this.steps.length = snap.steps;
        this.used.clear();
        for (const [k, v] of snap.used) this.used.set(k, v);
        if (--this.budget <= 0) break;
      }
    }
    if (first) throw first;
    return undefined;
  }
}

