// A monitor attached to the bot during a run: when the bot is attacked, starving, or in lava or deep
// water, it aborts the running skill through the signal it handed that skill (code DANGER), and the
// loop then lets it run a short reflex before planning again.
import type { Bot } from 'mineflayer';
import type { Entity } from 'prismarine-entity';
import type { Logger } from 'pino';
import type { Knowledge } from '../../knowledge/kb.ts';
import { pickFood, type FoodInfo } from '../../actions/items/food.ts';
import { fluidOf } from '../../actions/mining/world.ts';
import { hostilesNear } from '../../actions/mobs/find.ts';
import { bestWeapon } from '../../actions/mobs/combat.ts';
import { SkillError } from '../../base/errors.ts';
import { stopActivity } from '../../skills/runner.ts';
import { act, REFLEX_TIMEOUT_MS } from './act.ts';
import { decideReflex, type ReflexKind, type ReflexPlan, type ReflexSituation } from './decide.ts';

export interface ReflexOptions {
  bot: Bot;
  log: Logger;
  knowledge: Knowledge;
  /** Items the eat reflex never eats: what the task collects (raw beef for "harvest beef"). */
  keep?: readonly string[];
  /** Reflexes switched off. */
  disabled?: readonly ReflexKind[];
}

/** What a reflex did, as the trace records it. */
export interface ReflexRecord {
  kind: ReflexKind;
  reason: string;
  ok: boolean;
  /** Why it failed (code and message), when it did. */
  error?: { code: string; message: string };
  result?: Record<string, unknown>;
  elapsedMs: number;
}

/** The situation is looked at this often, besides on every hurt and health change. */
const CHECK_MS = 250;
/** A hurt counts as an attack by the nearest hostile for this long. */
const ATTACK_MEMORY_MS = 1500;
/** After a reflex that failed, the same kind waits this long before it may interrupt again. */
const BACKOFF_MS: Readonly<Record<ReflexKind, number>> = { fight: 2000, flee: 2000, eat: 60_000, leave_liquid: 10_000 };

export class ReflexMonitor {
  private readonly bot: Bot;
  private readonly disabled: Set<ReflexKind>;
  private readonly keep: ReadonlySet<string>;
  private step: AbortController | undefined;
  private pending: ReflexPlan | null = null;
  private busy = false;
  private lastHurt = -Infinity;
  private inWaterSince: number | null = null;
  private headUnderSince: number | null = null;
  private readonly backoff = new Map<ReflexKind, number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly onHurt = (e: Entity) => {
    if (e !== this.bot.entity) return;
    this.lastHurt = Date.now();
    this.check();
  };
  private readonly onHealth = () => this.check();

  constructor(private readonly opts: ReflexOptions) {
    this.bot = opts.bot;
    this.disabled = new Set(opts.disabled);
    this.keep = new Set(opts.keep);
  }

  start(): void {
    if (this.timer) return;
    this.bot.on('entityHurt', this.onHurt);
    this.bot.on('health', this.onHealth);
    this.timer = setInterval(() => this.check(), CHECK_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.bot.removeListener('entityHurt', this.onHurt);
    this.bot.removeListener('health', this.onHealth);
    this.step = undefined;
  }

  /** A signal for one skill: aborted with the parent, or with DANGER when a reflex must take over. */
  arm(parent: AbortSignal): { signal: AbortSignal; disarm: () => void; byReflex: () => boolean } {
    const ac = new AbortController();
    const onParent = () => ac.abort(parent.reason);
    if (parent.aborted) onParent();
    else parent.addEventListener('abort', onParent, { once: true });
    this.step = ac;
    if (this.pending) ac.abort(danger(this.pending));
    return {
      signal: ac.signal,
      disarm: () => {
        parent.removeEventListener('abort', onParent);
        if (this.step === ac) this.step = undefined;
      },
      byReflex: () => ac.signal.aborted && ac.signal.reason instanceof SkillError && ac.signal.reason.code === 'DANGER' && !parent.aborted,
    };
  }

  /**
   * Runs the reflex that interrupted the last skill, or one the situation calls for now, within its
   * time budget and the run's signal. null when there is none; a reflex that fails (or is stopped
   * with the run) is a record with `ok: false`, never a throw.
   */
  async runPending(signal: AbortSignal): Promise<ReflexRecord | null> {
    this.check();
    const plan = this.pending;
    this.pending = null;
    if (!plan || signal.aborted) return null;
    const { bot, log, knowledge } = this.opts;
    const started = performance.now();
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(new SkillError('TIMEOUT', `the ${plan.kind} reflex did not finish within ${REFLEX_TIMEOUT_MS[plan.kind]} ms`)), REFLEX_TIMEOUT_MS[plan.kind]);
    const onParent = () => ac.abort(signal.reason);
    signal.addEventListener('abort', onParent, { once: true });
    this.busy = true;
    log.info({ reflex: plan.kind, reason: plan.reason }, 'reflex');
    try {
      const result = await act({ bot, log: log.child({ reflex: plan.kind }), signal: ac.signal, knowledge }, plan);
      return { kind: plan.kind, reason: plan.reason, ok: true, result, elapsedMs: Math.round(performance.now() - started) };
    } catch (err) {
      const e = err instanceof SkillError ? err : new SkillError('FAILED', err instanceof Error ? err.message : String(err), undefined, { cause: err });
      if (!signal.aborted) this.backoff.set(plan.kind, Date.now() + BACKOFF_MS[plan.kind]);
      log.debug({ reflex: plan.kind, code: e.code, err: e.message }, 'reflex failed');
      return { kind: plan.kind, reason: plan.reason, ok: false, error: { code: e.code, message: e.message }, elapsedMs: Math.round(performance.now() - started) };
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onParent);
      if (ac.signal.aborted) stopActivity(bot, log);
      this.busy = false;
    }
  }

  /** Looks at the situation; a reflex that is called for interrupts the armed skill. */
  private check(): void {
    if (this.busy || this.pending || !this.bot.entity) return;
    const plan = decideReflex(this.situation(), this.blocked());
    if (!plan) return;
    this.pending = plan;
    this.step?.abort(danger(plan));
  }

  private blocked(): Set<ReflexKind> {
    const now = Date.now();
    const out = new Set(this.disabled);
    for (const [kind, until] of this.backoff) if (until > now) out.add(kind);
    return out;
  }

  /** What the bot senses now, as the decision reads it. */
  situation(): ReflexSituation {
    const { bot } = this;
    const now = Date.now();
    const feet = bot.entity.position.floored();
    const atFeet = fluidOf(bot.blockAt(feet));
    const atHead = fluidOf(bot.blockAt(feet.offset(0, 1, 0)));
    const liquid = atFeet === 'lava' || atHead === 'lava' ? 'lava' : atFeet ?? atHead;
    this.inWaterSince = liquid === 'water' ? this.inWaterSince ?? now : null;
    this.headUnderSince = atHead === 'water' ? this.headUnderSince ?? now : null;
    const hostiles = hostilesNear(bot, 32);
    const nearest = hostiles[0];
    const nearestD = nearest ? nearest.position.distanceTo(bot.entity.position) : Infinity;
    const hurtRecently = now - this.lastHurt <= ATTACK_MEMORY_MS;
    const items = bot.inventory.items().map((i) => i.name);
    return {
      health: bot.health,
      food: bot.food,
      liquid,
      headUnderWaterMs: this.headUnderSince === null ? 0 : now - this.headUnderSince,
      inWaterMs: this.inWaterSince === null ? 0 : now - this.inWaterSince,
      attacker: hurtRecently && nearest ? { name: nearest.name ?? 'hostile', distance: nearestD } : null,
      sinceHurtMs: now - this.lastHurt,
      nearestHostile: nearestD,
      hasWeapon: bestWeapon(items, 20) !== null,
      foodItem: this.edible(items),
    };
  }

  /** The food the eat skill would pick, leaving out what the task collects. */
  private edible(items: readonly string[]): string | null {
    const foods = this.bot.registry.foodsByName;
    const carried: FoodInfo[] = [];
    for (const name of new Set(items)) {
      const f = foods[name];
      if (f && !this.keep.has(name)) carried.push(f);
    }
    return pickFood(carried, this.bot.food)?.name ?? null;
  }
}

function danger(plan: ReflexPlan): SkillError {
  return new SkillError('DANGER', `interrupted by the ${plan.kind} reflex: ${plan.reason}`);
}
