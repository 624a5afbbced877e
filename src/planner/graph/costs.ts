import type { Knowledge } from '../../knowledge/kb.ts';
import { fishingSeconds } from '../../knowledge/fishing.ts';
import { HARVEST_GIVES, NEST_FILL_SECONDS } from '../../knowledge/honey.ts';
import { EGG_LAY_SECONDS, HENS_FOUND } from '../../knowledge/chickens.ts';
import { secondsToStage, WEATHERED_STAGES, type WeatheredStage } from '../../knowledge/copper.ts';
import { MOBS } from '../../knowledge/mobs.ts';
import { cookTicks } from '../../knowledge/smelting.ts';
import { mobFindSeconds } from '../../knowledge/vanillaOverworld.ts';
import type { Resource, WorldModel } from '../../knowledge/world.ts';
import { FUEL_GROUP, isGroup } from '../../knowledge/groups.ts';
import { digCost, resourcesOf, SURFACE_Y, targetDepth } from './depth.ts';
import { membersOf } from './members.ts';
import type { Action, SkillModel } from './model.ts';
import { factBlocks, nearbySubject, type PlanState } from './state.ts';
import { virtualProducers } from './virtual.ts';

/** Skills that walk far: what was nearby before is not nearby after. */
export const MOVING_SKILLS: ReadonlySet<string> = new Set(['explore', 'goTo', 'digToLevel']);

/**
 * Whether an action leaves behind what was nearby. Mining an ore does too: the bot follows it down a
 * cave or a shaft, and a crafting table left at the surface is then out of reach. Planned that way,
 * the logs for a second table are cut at the start, next to the trees, not fetched from below later.
 * Not an ore within reach already (`s`, the state before the step): the bot digs it where it stands, by
 * its furnace (a team member at its ore, making one more ingot).
 */
export function movesFar(a: Action, kb: Knowledge, world: WorldModel, s?: PlanState): boolean {
  if (MOVING_SKILLS.has(a.skill)) return true;
  if (a.skill !== 'mineBlock' || typeof a.args.block !== 'string') return false;
  if (s && factBlocks(kb, a.args.block).some((b) => s.inReach.has(b))) return false;
  // Coal shows in the hills as well as deep down (deepslate_coal_ore): only an ore found nowhere near the surface counts.
  const found = factBlocks(kb, a.args.block).map((b) => world.resources.get(b)).filter((r) => r !== undefined);
  return found.length > 0 && found.every((r) => !r.surface);
}

/** Extra seconds of exploring before one of these resources is found (the easiest of them); 0 for none. */
function findSeconds(resources: readonly Resource[]): number {
  return resources.length === 0 ? 0 : Math.min(...resources.map((r) => r.findSeconds ?? 0));
}

function num(args: Record<string, unknown>, key: string, fallback: number): number {
  const v = args[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Estimated seconds one run of an action takes (walking, digging, crafting, cooking). */
export function skillSeconds(a: Action, kb: Knowledge): number {
  const count = num(a.args, 'count', 1);
  switch (a.skill) {
    case 'explore': return 30;
    case 'goTo': return 10;
    case 'digToLevel': return 60;
    case 'mineBlock': {
      const block = typeof a.args.block === 'string' ? factBlocks(kb, a.args.block)[0] ?? '' : '';
      const ms = kb.isBlock(block) ? kb.digTimeMs(block, a.equip[0] ?? null) : 1000;
      return count * (2.5 + Math.min(ms, 20_000) / 1000);
    }
    case 'craftItem': return 2 + 0.1 * count;
    case 'smeltItem': return 3 + count * (cookTicks('furnace') / 20);
    case 'placeCraftingTable': case 'placeFurnace': case 'placeBlock': return 2;
    case 'equip': return 0.5;
    case 'collectDrops': return 5;
    // Walking up to each animal (they wander) and a few swings; shearing gives about 2 wool a sheep.
    // A monster fights back (the longer it lasts, the longer each kill takes), and each one more is
    // another to look for, by night: ten drowned for one copper ingot are dearer than a copper mine.
    case 'killMob': return 10 + count * (10 + monsterSeconds(a.args.mob));
    case 'shearSheep': return 5 + 4 * count;
    case 'milkCow': return 5 + 5 * count;
    // A fish flees as fast as a bot swims: a chase of 15 to 35 s for each, until a bank corners it.
    case 'bucketFish': return 10 + 25 * count;
    // The hens found lay side by side: each egg is a share of one hen's 7.5 minutes, plus the walks over to it.
    case 'collectEggs': return 10 + count * (5 + EGG_LAY_SECONDS / HENS_FOUND);
    // Each full nest is waited for: a nest found is as good as empty (vanilla generates them so), and
    // the bees fill one in 5 to 10 minutes of daylight.
    case 'harvestHoney': return harvests(a.args, count) * (HARVEST_SECONDS + NEST_FILL_SECONDS);
    // The pieces weather side by side, so the wait is one piece's (the mean game time to the stage: an
    // hour for oxidized copper, four for a door), not one per piece; placing and mining each is on top.
    case 'weatherCopper': return WEATHER_HANDLING_SECONDS * count + secondsToStage(copperStage(a.args.stage), undefined, typeof a.args.block === 'string' ? a.args.block : undefined);
    // The mean casts for the catch (rare junk and treasure: hundreds) at about 22 s a cast.
    case 'fish': return fishingSeconds(typeof a.args.item === 'string' ? a.args.item : '', count);
    default: return 5;
  }
}

/** Placing one copper piece and mining it back, on top of the wait for it to weather. */
const WEATHER_HANDLING_SECONDS = 6;

function copperStage(stage: unknown): WeatheredStage {
  return WEATHERED_STAGES.find((s) => s === stage) ?? 'oxidized';
}

/** One harvest's walk up to the nest, clicks and walk off, on top of the wait for it to fill. */
const HARVEST_SECONDS = 15;

/** Full nests a harvestHoney run needs. */
function harvests(args: Record<string, unknown>, count: number): number {
  return Math.ceil(count / (args.item === 'honeycomb' ? HARVEST_GIVES.honeycomb.count : HARVEST_GIVES.honey_bottle.count));
}

function monsterSeconds(mob: unknown): number {
  const facts = typeof mob === 'string' ? MOBS[mob] : undefined;
  return facts?.kind === 'hostile' ? 2 * facts.health + mobFindSeconds(facts.name) : 0;
}

/** A cost that grows with the amount: `per` seconds per item plus `fixed` once (tools, finding the place). */
export interface Cost {
  per: number;
  fixed: number;
}

const NEVER: Cost = { per: Infinity, fixed: Infinity };

/** Rounds of the fixed-point iteration at most; the longest chain of the skill graph (logs to a diamond pickaxe) takes about 25. */
const MAX_ROUNDS = 200;
/** Seconds below which a cheaper cost is no news (floating-point noise of a converging chain). */
const EPSILON = 1e-6;

export function total(c: Cost, n: number): number {
  return n > 0 ? n * c.per + c.fixed : 0;
}

/**
 * Static costs (seconds) of getting items, or of making a fact true, from nothing, in this world:
 * the planner's lookahead when it chooses between producers. Computed lazily and kept for the
 * planner's life. In hypothetical mode, mob skills that are not registered are assumed, so that an
 * unplannable goal can name the skill it lacks.
 */
export class CostTable {
  private readonly memo = new Map<string, Cost>();
  /**
   * While a query is being solved: the cost so far of every name it reached, and how to compute each.
   * The skill graph has cycles (planks need an axe, an axe needs planks), so costs are found by
   * iterating to a fixed point, as Bellman-Ford does, instead of by recursion cut at each cycle, which
   * cannot cache anything inside a cycle and grows exponentially with their number.
   */
  private solving: Map<string, { cost: Cost; compute: () => Cost }> | undefined;
  private grew = false;

  /**
   * @param base the real table, for a hypothetical one: assumed skills only make things cheaper
   *   that cannot be had at all without them, so whatever the real table can price is taken from it.
   */
  constructor(
    private readonly model: SkillModel,
    private readonly world: WorldModel,
    readonly hypothetical: boolean,
    private readonly base?: CostTable,
  ) {}

  private get kb(): Knowledge {
    return this.model.kb;
  }

  /** Actions that obtain `name` (plain item) or make fact `name` true: the skills', plus assumed mob skills. */
  producersOf(name: string, count: number): Action[] {
    const real = this.model.producers(name, count);
    return this.hypothetical ? [...real, ...virtualProducers(this.model, this.world, name, count)] : real;
  }

  /** Seconds to get `n` of an item or group (smelts for `#fuel`) from nothing. */
  items(name: string, n: number): number {
    return total(this.item(name), n);
  }

  item(name: string): Cost {
    return this.memoized(name, () => {
      let best = NEVER;
      const consider = (c: Cost) => {
        if (total(c, 4) < total(best, 4)) best = c;
      };
      if (isGroup(name)) {
        for (const m of membersOf(name, this.kb)) {
          const c = this.item(m);
          const per = name === FUEL_GROUP ? cookTicks('furnace') / this.kb.fuelTicks(m) : 1;
          consider({ per: c.per * per, fixed: c.fixed });
        }
        return best;
      }
      for (const a of this.producersOf(name, 1)) {
        const got = a.obtain.get(name) ?? 0;
        // A rod fished up with a rod: no way to get the first one.
        if (got > 0 && !a.consume.has(name) && !a.require.has(name) && !a.equip.includes(name)) {
          const c = this.action(a);
          consider({ per: c.per / got, fixed: c.fixed });
        }
      }
      return best;
    });
  }

  /**
   * Cost of making a fact true from nothing nearby, standing at height `y`: finding it (with the way
   * down to an underground resource) or placing it.
   */
  fact(fact: string, y = SURFACE_Y): number {
    const subject = nearbySubject(fact);
    const depth = subject === undefined ? undefined : targetDepth(this.kb, this.world, subject, y);
    const down = depth === undefined ? 0 : this.model.has('digToLevel') ? digCost(y, depth) : Infinity;
    const find = this.memoized(`find:${fact}`, () => this.factCost(fact, true));
    const place = this.memoized(`place:${fact}`, () => this.factCost(fact, false));
    return Math.min(find.fixed + down, place.fixed);
  }

  /** Whether exploring can find `subject`: a resource or an animal of this world. */
  findable(subject: string): boolean {
    return resourcesOf(this.kb, this.world, subject).length > 0 || this.world.mobs.some((m) => m.mob === subject);
  }

  private factCost(fact: string, finds: boolean): Cost {
    const subject = nearbySubject(fact);
    if (finds && (subject === undefined || !this.findable(subject))) return NEVER;
    let best = Infinity;
    // An action that uses nothing up finds the thing (explore); one that uses something up puts it there (placing).
    for (const a of this.producersOf(fact, 1)) {
      if ((subject !== undefined && a.consume.size === 0) !== finds) continue;
      const c = this.action(a);
      best = Math.min(best, c.per + c.fixed);
    }
    // What only some biomes have takes longer to come across, until this world has shown one.
    const mob = subject === undefined ? undefined : this.world.mobs.find((m) => m.mob === subject);
    const prior = !finds || subject === undefined ? 0 : mob ? mob.findSeconds ?? 0 : findSeconds(resourcesOf(this.kb, this.world, subject));
    return { per: 0, fixed: best + prior };
  }

  /** Cost of an action including everything it needs, from nothing: what scales with its output, and what does not. */
  action(a: Action): Cost {
    let per = skillSeconds(a, this.kb);
    let fixed = 0;
    for (const [name, n] of [...a.consume, ...a.require]) {
      const c = this.item(name);
      per += n * c.per;
      fixed += c.fixed;
    }
    if (a.equip.length > 0) fixed += this.cheapest(a.equip).cost;
    for (const f of a.facts) fixed += this.fact(f);
    return { per, fixed };
  }

  /** A finite cost already worked out, if any. */
  known(key: string): Cost | undefined {
    const c = this.memo.get(key);
    return c && Number.isFinite(c.per) && Number.isFinite(c.fixed) ? c : undefined;
  }

  /** The cheapest of some items to obtain one of, and its cost. */
  cheapest(items: readonly string[]): { item: string | undefined; cost: number } {
    let best: { item: string | undefined; cost: number } = { item: undefined, cost: Infinity };
    for (const i of items) {
      const c = this.items(i, 1);
      if (c < best.cost) best = { item: i, cost: c };
    }
    return best;
  }

  private memoized(key: string, compute: () => Cost): Cost {
    const hit = this.memo.get(key) ?? this.base?.known(key);
    if (hit !== undefined) return hit;
    if (this.solving) {
      const entry = this.solving.get(key);
      if (entry) return entry.cost;
      // Reached for the first time in this query: priced next round.
      this.solving.set(key, { cost: NEVER, compute });
      this.grew = true;
      return NEVER;
    }
    const solving = new Map([[key, { cost: NEVER, compute }]]);
    this.solving = solving;
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        this.grew = false;
        let changed = false;
        for (const entry of solving.values()) {
          const c = entry.compute();
          // Only ever cheaper (as producers are compared): a cost has two parts, and letting it rise
          // again could flip two producers back and forth for ever.
          if (total(c, 4) < total(entry.cost, 4) - EPSILON) {
            entry.cost = c;
            changed = true;
          }
        }
        if (!changed && !this.grew) break;
      }
    } finally {
      this.solving = undefined;
    }
    for (const [k, entry] of solving) this.memo.set(k, entry.cost);
    return solving.get(key)!.cost;
  }
}
