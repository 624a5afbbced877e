// Whether a player is sneaking, which vanilla consults when a player uses a block with an item in hand
// (a sneaking player places against a chest or crafting table instead of opening it). flying-squid
// compares `entity_action`'s action with numbers, but every served version's protocol maps it to names
// ('start_sneaking'), so its `crouching` flag never changed.
import type { SandboxPlugin } from '../../plugin.ts';

const START = new Set<unknown>(['start_sneaking', 0]);
const STOP = new Set<unknown>(['stop_sneaking', 1]);

export const sneakingPlugin: SandboxPlugin = {
  name: 'skillcraft-sneaking',
  player(player) {
    const p = player as typeof player & { crouching?: boolean };
    player._client.on('entity_action', ({ actionId }: { actionId: unknown }) => {
      if (START.has(actionId)) p.crouching = true;
      else if (STOP.has(actionId)) p.crouching = false;
    });
    // 1.21.2+ clients may also report the sneak key in player_input (1.21.6+ only there).
    player._client.on('player_input', ({ inputs }: { inputs?: { shift?: boolean } }) => {
      if (typeof inputs?.shift === 'boolean') p.crouching = inputs.shift;
    });
  },
};
