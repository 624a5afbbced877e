// Experience as vanilla's Player keeps it: a level, the progress towards the next (0..1) and a total
// that only points change. flying-squid derives the level from the total with the wiki's formula and
// keeps the three in `xpLevel`/`level`, `displayXp` and `xp`; the same fields are used here so that
// its login (which sends them) and its player save agree with what the client was told.
import type { SquidPlayer } from '../../squid/types.ts';

type XpPlayer = SquidPlayer & { xp: number; level: number; xpLevel: number; displayXp: number };

const MAX_INT = 2_147_483_647;

export interface Experience { level: number; progress: number; total: number }

export function experienceOf(player: SquidPlayer): Experience {
  const p = player as XpPlayer;
  return { level: p.level ?? 0, progress: p.displayXp ?? 0, total: p.xp ?? 0 };
}

/** Points from one level to the next (Player.getXpNeededForNextLevel). */
export function xpNeededForNextLevel(level: number): number {
  if (level >= 30) return 112 + (level - 30) * 9;
  return level >= 15 ? 37 + (level - 15) * 5 : 7 + level * 2;
}

/** Vanilla's float arithmetic, so that progress values match a vanilla server's bit for bit. */
const f32 = Math.fround;

function store(player: SquidPlayer, xp: Experience): void {
  const p = player as XpPlayer;
  p.level = xp.level;
  p.xpLevel = xp.level;
  p.displayXp = xp.progress;
  p.xp = xp.total;
}

/** The `experience` packet (vanilla sends it whenever the total changes, or levels were set). */
export function sendExperience(player: SquidPlayer): void {
  const xp = experienceOf(player);
  player._client.write('experience', { experienceBar: xp.progress, level: xp.level, totalExperience: xp.total });
}

function addLevels(xp: Experience, levels: number): void {
  xp.level += levels;
  if (xp.level < 0) {
    xp.level = 0;
    xp.progress = 0;
    xp.total = 0;
  }
}

/** Player.giveExperiencePoints: progress carries over level boundaries both ways. */
export function givePoints(player: SquidPlayer, points: number): void {
  const xp = experienceOf(player);
  xp.progress = f32(xp.progress + f32(points / xpNeededForNextLevel(xp.level)));
  xp.total = Math.max(0, Math.min(MAX_INT, xp.total + points));
  while (xp.progress < 0) {
    const carried = f32(xp.progress * xpNeededForNextLevel(xp.level));
    if (xp.level > 0) {
      addLevels(xp, -1);
      xp.progress = f32(1 + f32(carried / xpNeededForNextLevel(xp.level)));
    } else {
      addLevels(xp, -1);
      xp.progress = 0;
    }
  }
  while (xp.progress >= 1) {
    xp.progress = f32(f32(xp.progress - 1) * xpNeededForNextLevel(xp.level));
    addLevels(xp, 1);
    xp.progress = f32(xp.progress / xpNeededForNextLevel(xp.level));
  }
  store(player, xp);
  sendExperience(player);
}

/** Player.giveExperienceLevels: the total stays as it was. */
export function giveLevels(player: SquidPlayer, levels: number): void {
  const xp = experienceOf(player);
  addLevels(xp, levels);
  store(player, xp);
  sendExperience(player);
}

/** ServerPlayer.setExperiencePoints: the points into the current level, below what it needs. */
export function setPoints(player: SquidPlayer, points: number): void {
  const xp = experienceOf(player);
  const needed = xpNeededForNextLevel(xp.level);
  xp.progress = Math.max(0, Math.min(f32((needed - 1) / needed), f32(points / needed)));
  store(player, xp);
  sendExperience(player);
}

export function setLevels(player: SquidPlayer, level: number): void {
  const xp = experienceOf(player);
  xp.level = level;
  store(player, xp);
  sendExperience(player);
}

/** Points into the current level, as /xp query shows them. */
export function pointsIntoLevel(player: SquidPlayer): number {
  const xp = experienceOf(player);
  return Math.round(xp.progress * xpNeededForNextLevel(xp.level));
}

/** A respawned player has no experience (vanilla drops it as orbs unless keepInventory). */
export function resetExperience(player: SquidPlayer): void {
  store(player, { level: 0, progress: 0, total: 0 });
  sendExperience(player);
}
