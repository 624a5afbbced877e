// One player's digging: start, cancel and finish, with the dig time checked against the held tool.
import { performance } from 'node:perf_hooks';
import { Vec3 } from 'vec3';
import type { Logger } from 'pino';
import type { Block } from 'prismarine-block';
import { digTimeMs, type Rng } from '../../../knowledge/index.ts';
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { breakBlock, wearHeldTool } from './break.ts';

/**
 * A finish is accepted once this fraction of the expected time has passed, less the grace below.
 * Vanilla's own server accepts at 70 % progress; the grace absorbs timer and network jitter. The
 * check assumes the kindest case (on the ground, not in water), as the server cannot see either reliably.
 */
export const ACCEPT_FRACTION = 0.7;
export const ACCEPT_GRACE_MS = 100;
/** Vanilla's reach limit is 6 blocks from the eyes to the block centre; one more for position lag. */
const MAX_REACH = 7;
const EYE_HEIGHT = 1.62;
const ANIMATION_MS = 100;
const AIR = new Set(['air', 'cave_air', 'void_air']);
const FIRE = new Set(['fire', 'soul_fire']);
const CREATIVE_NO_BREAK = /_sword$|^trident$|^mace$|^debug_stick$/;
const FACES = [new Vec3(0, -1, 0), new Vec3(0, 1, 0), new Vec3(0, 0, -1), new Vec3(0, 0, 1), new Vec3(-1, 0, 0), new Vec3(1, 0, 0)];

export interface DigRequest {
  pos: Vec3;
  face: number;
  /** 1.19+: the client's prediction sequence, echoed in the acknowledgement. */
  sequence: number | undefined;
  /** performance.now() when the packet arrived (packets are handled one at a time, later). */
  receivedAt: number;
}

interface Session {
  pos: Vec3;
  startedAt: number;
  expectedMs: number;
  stage: number;
  timer: NodeJS.Timeout;
}

/** A finish that came too early: vanilla breaks the block once its dig time has passed (hasDelayedDestroy). */
interface Delayed {
  pos: Vec3;
  startedAt: number;
  /** A check is reading the world: the next tick waits for it. */
  busy: boolean;
  timer: NodeJS.Timeout;
}
/** The delayed break is looked at once a game tick. */
const TICK_MS = 50;

export interface DigController {
  start(req: DigRequest): Promise<void>;
  cancel(req: DigRequest): void;
  finish(req: DigRequest): Promise<void>;
  /** Tells the client the true block at `pos` after a failure, so it does not keep a ghost. */
  restore(req: DigRequest): Promise<void>;
  dispose(): void;
}

export function createDigController(serv: SquidServer, player: SquidPlayer, rng: Rng, log: Logger): DigController {
  let session: Session | null = null;
  let delayed: Delayed | null = null;

  const heldName = (): string | null => player.inventory.slots[36 + player.heldItemSlot]?.name ?? null;

  function ack(req: DigRequest, status: number, block: number, successful: boolean): void {
    if (!serv.supportFeature('acknowledgePlayerDigging')) return;
    // 1.19+ sends only sequenceId; 1.14–1.18 the other fields; the serializer picks what it needs.
    player._client.write('acknowledge_player_digging', { sequenceId: req.sequence ?? 0, location: req.pos, block, status, successful });
  }

  function reject(req: DigRequest, status: number, block: Block, why: string, extra: Record<string, unknown> = {}): void {
    log.debug({ player: player.username, block: block.name, pos: req.pos.toString(), why, ...extra }, 'dig rejected');
    player._client.write('block_change', { location: req.pos, type: block.stateId });
    ack(req, status, block.stateId, false);
  }

  function endSession(): void {
    if (!session) return;
    clearInterval(session.timer);
    // Any stage outside 0–9 clears the cracks on other clients.
    player._writeOthersNearby('block_break_animation', { entityId: player.id, location: session.pos, destroyStage: -1 });
    session = null;
  }

  function animate(s: Session): void {
    const stage = Math.min(9, Math.floor((10 * (performance.now() - s.startedAt)) / s.expectedMs));
    if (stage === s.stage) return;
    s.stage = stage;
    player._writeOthersNearby('block_break_animation', { entityId: player.id, location: s.pos, destroyStage: stage });
  }

  const inReach = (pos: Vec3): boolean => player.position.offset(0, EYE_HEIGHT, 0).distanceTo(pos.offset(0.5, 0.5, 0.5)) <= MAX_REACH;

  async function breakNow(req: DigRequest, block: Block, survival: boolean): Promise<void> {
    const toolName = heldName();
    await breakBlock(serv, player.world, req.pos, block, { toolName, drops: survival, rng });
    if (survival) wearHeldTool(serv, player, block);
    ack(req, 2, 0, true);
    // flying-squid's own plugins (nether portals) listen for this.
    player.emit('dug', { position: req.pos, block });
  }

  async function start(req: DigRequest): Promise<void> {
    endSession();
    const faced = req.pos.plus(FACES[req.face] ?? new Vec3(0, 0, 0));
    const facedBlock = await player.world.getBlock(faced);
    if (FIRE.has(facedBlock.name)) {
      // Punching a block with fire on the face puts the fire out (vanilla extinguishes it).
      await breakNow({ ...req, pos: faced }, facedBlock, false);
      return;
    }
    const block = await player.world.getBlock(req.pos);
    if (AIR.has(block.name)) return ack(req, 0, block.stateId, true);
    if (player.gameMode >= 2) return reject(req, 0, block, 'game mode cannot dig');
    if (!inReach(req.pos)) return reject(req, 0, block, 'out of reach');
    if (player.gameMode === 1) {
      // Vanilla's Item.canAttackBlock: a creative player swinging a sword (or trident, mace) breaks nothing.
      if (CREATIVE_NO_BREAK.test(heldName() ?? '')) return reject(req, 0, block, 'held item cannot break blocks in creative');
      return breakNow(req, block, false);
    }
    const expectedMs = digTimeMs(serv.registry, block.name, heldName());
    if (expectedMs === Infinity || !block.diggable) return reject(req, 0, block, 'unbreakable');
    // Vanilla breaks a block that takes no time on the start packet; the client sends no finish.
    if (expectedMs === 0) return breakNow(req, block, true);
    const s: Session = { pos: req.pos, startedAt: req.receivedAt, expectedMs, stage: -1, timer: setInterval(() => animate(s), ANIMATION_MS) };
    session = s;
    animate(s);
    ack(req, 0, block.stateId, true);
  }

  function cancel(req: DigRequest): void {
    endSession();
    ack(req, 1, 0, true);
  }

  async function finish(req: DigRequest): Promise<void> {
    const s = session;
    endSession();
    const block = await player.world.getBlock(req.pos);
    // Already gone (broken on the start packet, or by someone else): nothing to check.
    if (AIR.has(block.name)) return ack(req, 2, 0, true);
    if (!s || !s.pos.equals(req.pos)) return reject(req, 2, block, 'finish without a matching start');
    const tool = heldName();
    const expectedMs = digTimeMs(serv.registry, block.name, tool);
    if (expectedMs === Infinity) return reject(req, 2, block, 'unbreakable');
    const elapsedMs = req.receivedAt - s.startedAt;
    if (elapsedMs < expectedMs * ACCEPT_FRACTION - ACCEPT_GRACE_MS) {
      // Vanilla (ServerPlayerGameMode STOP_DESTROY_BLOCK) does not refuse an early finish: the client is told
      // the block is still there, and the server breaks it itself once the dig time has passed, counted from
      // the start, unless another block is already waiting so. A start packet held up by a busy server
      // no longer costs the player the block.
      reject(req, 2, block, 'too early: broken when the dig time has passed', { tool, elapsedMs: Math.round(elapsedMs), expectedMs });
      if (!delayed) delayed = { pos: req.pos, startedAt: s.startedAt, busy: false, timer: setInterval(() => void delayedTick(), TICK_MS) };
      return;
    }
    log.trace({ player: player.username, block: block.name, tool, elapsedMs: Math.round(elapsedMs), expectedMs }, 'dig accepted');
    await breakNow(req, block, true);
  }

  /**
   * The delayed break, checked every tick as vanilla does: it is called off once the block is gone (or
   * cannot be dug), and done once the block's dig time with the tool now held has passed since the start.
   */
  async function delayedTick(): Promise<void> {
    const d = delayed;
    if (!d || d.busy || player.disconnected) return;
    d.busy = true;
    try {
      const block = await player.world.getBlock(d.pos);
      const expectedMs = AIR.has(block.name) || !block.diggable ? Infinity : digTimeMs(serv.registry, block.name, heldName());
      if (expectedMs === Infinity) return endDelayed();
      if (performance.now() - d.startedAt < expectedMs) return;
      endDelayed();
      const survival = player.gameMode === 0 || player.gameMode === 2;
      await breakBlock(serv, player.world, d.pos, block, { toolName: heldName(), drops: survival, rng });
      if (survival) wearHeldTool(serv, player, block);
      player.emit('dug', { position: d.pos, block });
    } catch (err) {
      endDelayed();
      log.error({ err, player: player.username, pos: d.pos.toString() }, 'a delayed break failed');
    } finally {
      d.busy = false;
    }
  }

  function endDelayed(): void {
    if (delayed) clearInterval(delayed.timer);
    delayed = null;
  }

  async function restore(req: DigRequest): Promise<void> {
    const block = await player.world.getBlock(req.pos);
    player._client.write('block_change', { location: req.pos, type: block.stateId });
    ack(req, 2, block.stateId, false);
  }

  // On disconnect other clients may be closing too: stop the timer, write nothing.
  const dispose = (): void => {
    if (session) clearInterval(session.timer);
    session = null;
    endDelayed();
  };

  return { start, cancel, finish, restore, dispose };
}
