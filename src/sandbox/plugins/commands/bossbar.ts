// /bossbar add|get|list|remove|set with vanilla's feedback; the bars live in presentation/bossBars.ts.
import type { SquidPlayer, SquidServer } from '../../squid/types.ts';
import { tr, type Text } from '../../text.ts';
import { BAR_COLORS, BAR_STYLES, bossBars, createBossBar, hideBar, showBar, updateBar, viewers, type BossBar } from '../presentation/bossBars.ts';
import { parseComponent } from './chat.ts';
import { CommandError, feedback, parseInteger, resolvePlayers, restAfter, words, type CommandContext } from './core.ts';

/** `bar1` → `minecraft:bar1`; vanilla's resource-location rules for the rest. */
function barId(text: string | undefined): string {
  if (!text) throw new CommandError('Missing bossbar id');
  const id = text.includes(':') ? text : `minecraft:${text}`;
  if (!/^[a-z0-9_.-]+:[a-z0-9_./-]+$/.test(id)) throw new CommandError(`Invalid bossbar id '${text}'`);
  return id;
}

function existing(serv: SquidServer, text: string | undefined): BossBar {
  const id = barId(text);
  const bar = bossBars(serv).get(id);
  if (!bar) throw new CommandError(`No bossbar exists with the ID '${id}'`);
  return bar;
}

/** How vanilla names a bar in feedback: its name in square brackets. */
function shown(bar: BossBar): Text {
  return { text: '[', extra: [bar.name, ']'] };
}

function names(players: SquidPlayer[]): string {
  return players.map((p) => p.username).join(', ');
}

function unchanged(message: string): never {
  throw new CommandError(`Nothing changed. ${message}`);
}

function setPlayers(serv: SquidServer, bar: BossBar, ctx: CommandContext, target: string | undefined): void {
  const wanted = target === undefined ? [] : resolvePlayers(serv, ctx, target);
  const before = viewers(serv, bar);
  const next = new Set(wanted.map((p) => p.uuid ?? ''));
  if (next.size === bar.players.size && [...next].every((u) => bar.players.has(u))) {
    unchanged('Those players are already on the bossbar with nobody to add or remove');
  }
  bar.players = next;
  const after = viewers(serv, bar);
  hideBar(bar, before.filter((p) => !after.includes(p)));
  showBar(serv, bar, after.filter((p) => !before.includes(p)));
  if (wanted.length === 0) feedback(serv, ctx, tr('commands.bossbar.set.players.success.none', shown(bar)));
  else feedback(serv, ctx, tr('commands.bossbar.set.players.success.some', shown(bar), wanted.length, names(wanted)));
}

function set(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [, idText, property, value, ...extra] = words(args);
  const bar = existing(serv, idText);
  if (property !== 'players' && property !== 'name' && value === undefined) throw new CommandError(`Usage: /bossbar set <id> ${property ?? '<property>'} <value>`);
  if (extra.length && property !== 'name') throw new CommandError(`Unexpected argument '${extra[0]}'`);
  switch (property) {
    case 'players':
      setPlayers(serv, bar, ctx, value);
      return;
    case 'name': {
      const name = parseComponent(restAfter(args, 3));
      if (JSON.stringify(name) === JSON.stringify(bar.name)) unchanged("That's already the name of this bossbar");
      bar.name = name;
      updateBar(serv, bar, 'title');
      feedback(serv, ctx, tr('commands.bossbar.set.name.success', shown(bar)));
      return;
    }
    case 'color': {
      const color = BAR_COLORS.indexOf(value as (typeof BAR_COLORS)[number]);
      if (color < 0) throw new CommandError(`Unknown color '${value}'`);
      if (color === bar.color) unchanged("That's already the color of this bossbar");
      bar.color = color;
      updateBar(serv, bar, 'style');
      feedback(serv, ctx, tr('commands.bossbar.set.color.success', shown(bar)));
      return;
    }
    case 'style': {
      const style = BAR_STYLES.indexOf(value as (typeof BAR_STYLES)[number]);
      if (style < 0) throw new CommandError(`Unknown style '${value}'`);
      if (style === bar.style) unchanged("That's already the style of this bossbar");
      bar.style = style;
      updateBar(serv, bar, 'style');
      feedback(serv, ctx, tr('commands.bossbar.set.style.success', shown(bar)));
      return;
    }
    case 'value':
    case 'max': {
      const n = parseInteger(value!, property, property === 'max' ? 1 : 0);
      if (n === bar[property]) unchanged(`That's already the ${property} of this bossbar`);
      bar[property] = n;
      updateBar(serv, bar, 'health');
      feedback(serv, ctx, tr(`commands.bossbar.set.${property}.success`, shown(bar), n));
      return;
    }
    case 'visible': {
      if (value !== 'true' && value !== 'false') throw new CommandError(`Invalid boolean '${value}'`);
      const visible = value === 'true';
      if (visible === bar.visible) unchanged(`The bossbar is already ${visible ? 'visible' : 'hidden'}`);
      const players = viewers(serv, { ...bar, visible: true });
      bar.visible = visible;
      if (visible) showBar(serv, bar, players);
      else hideBar(bar, players);
      feedback(serv, ctx, tr(`commands.bossbar.set.visible.success.${visible ? 'visible' : 'hidden'}`, shown(bar)));
      return;
    }
    default:
      throw new CommandError(`Unknown bossbar property '${property ?? ''}'`);
  }
}

function get(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [, idText, property] = words(args);
  const bar = existing(serv, idText);
  switch (property) {
    case 'max':
    case 'value':
      feedback(serv, ctx, tr(`commands.bossbar.get.${property}`, shown(bar), bar[property]));
      return;
    case 'visible':
      feedback(serv, ctx, tr(`commands.bossbar.get.visible.${bar.visible ? 'visible' : 'hidden'}`, shown(bar)));
      return;
    case 'players': {
      const online = serv.players.filter((p) => !p.disconnected && bar.players.has(p.uuid ?? ''));
      if (online.length === 0) feedback(serv, ctx, tr('commands.bossbar.get.players.none', shown(bar)));
      else feedback(serv, ctx, tr('commands.bossbar.get.players.some', shown(bar), online.length, names(online)));
      return;
    }
    default:
      throw new CommandError('Usage: /bossbar get <id> (max|players|value|visible)');
  }
}

function bossbar(serv: SquidServer, args: string, ctx: CommandContext): void {
  const [sub, idText] = words(args);
  const bars = bossBars(serv);
  switch (sub) {
    case 'add': {
      const id = barId(idText);
      const json = restAfter(args, 2);
      if (!json) throw new CommandError('Usage: /bossbar add <id> <name>');
      if (bars.has(id)) throw new CommandError(`A bossbar already exists with the ID '${id}'`);
      const bar = createBossBar(serv, id, parseComponent(json));
      feedback(serv, ctx, tr('commands.bossbar.create.success', shown(bar)));
      return;
    }
    case 'remove': {
      const bar = existing(serv, idText);
      hideBar(bar, viewers(serv, bar));
      bars.delete(bar.id);
      feedback(serv, ctx, tr('commands.bossbar.remove.success', shown(bar)));
      return;
    }
    case 'list': {
      const all = [...bars.values()];
      if (all.length === 0) feedback(serv, ctx, tr('commands.bossbar.list.bars.none'));
      else feedback(serv, ctx, tr('commands.bossbar.list.bars.some', all.length, { text: '', extra: all.flatMap((b, i) => (i ? [', ', shown(b)] : [shown(b)])) }));
      return;
    }
    case 'set':
      set(serv, args, ctx);
      return;
    case 'get':
      get(serv, args, ctx);
      return;
    default:
      throw new CommandError('Usage: /bossbar (add|get|list|remove|set) ...');
  }
}

export const BOSSBAR_COMMANDS = [
  { base: 'bossbar', info: 'Creates and manages boss bars', usage: '/bossbar (add|get|list|remove|set) ...', run: bossbar },
];
