// Vanilla's command syntax, as far as tab completion needs it. Each command has patterns: space-separated
// tokens, `a|b|c` for literals, `<type>` for an argument. A pattern also covers its own prefixes (optional
// trailing arguments), so `weather clear|rain|thunder <int>` stands for `/weather <kind> [duration]`.
//   <pos>      three coordinates (suggested as ~ ~ ~)   <entity>/<player>  selectors and player names
//   <item> <block> <entity_type> <particle> <sound> <effect> <enchantment> <gamerule>  registry ids
//   <team> <objective> <bossbar>  names the server holds (see suggest.ts)   <rest>  the rest of the line
//   <command>  a whole command line (execute run)   <execute>  more execute subcommands
//   any other <type>: one word, not suggested (numbers, names, JSON without spaces)

const COLORS = 'aqua|black|blue|dark_aqua|dark_blue|dark_gray|dark_green|dark_purple|dark_red|gold|gray|green|light_purple|red|white|yellow';
const TEAM_COLORS = `${COLORS}|reset`;
const CATEGORIES = 'ambient|block|hostile|master|music|neutral|player|record|voice|weather';
const DISPLAY_SLOTS = `belowName|list|sidebar|${COLORS.split('|').map((c) => `sidebar.team.${c}`).join('|')}`;
const CRITERIA = 'air|armor|deathCount|dummy|food|health|level|playerKillCount|totalKillCount|trigger|xp';

export const GRAMMAR: Readonly<Record<string, readonly string[]>> = {
  bossbar: [
    'add <id> <rest>',
    'get <bossbar> max|players|value|visible',
    'list',
    'remove <bossbar>',
    'set <bossbar> color blue|green|pink|purple|red|white|yellow',
    'set <bossbar> max|value <int>',
    'set <bossbar> name <rest>',
    'set <bossbar> players <player>',
    'set <bossbar> style notched_10|notched_12|notched_20|notched_6|progress',
    'set <bossbar> visible false|true',
  ],
  clear: ['<player> <item> <int>'],
  deop: ['<player>'],
  difficulty: ['easy|hard|normal|peaceful'],
  effect: ['clear <entity> <effect>', 'give <entity> <effect> <int> <int> false|true'],
  enchant: ['<entity> <enchantment> <int>'],
  execute: [
    'align|anchored <word> <execute>',
    'as|at <entity> <execute>',
    'facing <pos> <execute>',
    'in minecraft:overworld <execute>',
    'positioned <pos> <execute>',
    'run <command>',
  ],
  experience: ['add|set <player> <int> levels|points', 'query <player> levels|points'],
  fill: ['<pos> <pos> <block> destroy|hollow|keep|outline|replace'],
  gamemode: ['adventure|creative|spectator|survival <player>'],
  gamerule: ['<gamerule> <word>'],
  give: ['<player> <item> <int>'],
  help: ['<command>'],
  kill: ['<entity>'],
  list: ['uuids'],
  me: ['<rest>'],
  op: ['<player>'],
  particle: ['<particle> <pos> <pos> <float> <int> force|normal <player>'],
  playsound: [`<sound> ${CATEGORIES} <player> <pos> <float> <float> <float>`],
  say: ['<rest>'],
  scoreboard: [
    `objectives add <word> ${CRITERIA} <rest>`,
    'objectives list',
    'objectives modify <objective> displayname <rest>',
    'objectives modify <objective> rendertype hearts|integer',
    'objectives remove <objective>',
    `objectives setdisplay ${DISPLAY_SLOTS} <objective>`,
    'players add|remove|set <player> <objective> <int>',
    'players enable <player> <objective>',
    'players get <player> <objective>',
    'players list <player>',
    'players reset <player> <objective>',
  ],
  setblock: ['<pos> <block> destroy|keep|replace'],
  setworldspawn: ['<pos>'],
  spawnpoint: ['<player> <pos>'],
  summon: ['<entity_type> <pos>'],
  team: [
    'add <word> <rest>',
    'empty|remove <team>',
    'join <team> <entity>',
    'leave <entity>',
    'list <team>',
    `modify <team> color ${TEAM_COLORS}`,
    'modify <team> collisionRule always|never|pushOtherTeams|pushOwnTeam',
    'modify <team> deathMessageVisibility|nametagVisibility always|hideForOtherTeams|hideForOwnTeam|never',
    'modify <team> displayName|prefix|suffix <rest>',
    'modify <team> friendlyFire|seeFriendlyInvisibles false|true',
  ],
  teleport: ['<entity> <entity>', '<entity> <pos>', '<pos>'],
  tell: ['<player> <rest>'],
  tellraw: ['<player> <rest>'],
  time: ['add <int>', 'query day|daytime|gametime', 'set day|midnight|night|noon'],
  title: ['<player> actionbar|subtitle|title <rest>', '<player> clear|reset', '<player> times <int> <int> <int>'],
  weather: ['clear|rain|thunder <int>'],
  xp: ['add|set <player> <int> levels|points', 'query <player> levels|points'],
};

/** Aliases vanilla registers as redirects to another command's syntax. */
export const REDIRECTS: Readonly<Record<string, string>> = { tp: 'teleport', msg: 'tell', w: 'tell' };
