import type { Bot } from 'mineflayer';
import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../src/knowledge/kb.ts';
import { withDeepslateTwin } from '../../src/actions/world/scan.ts';

// Only the registry is read: a bot-shaped holder of the real 1.20.1 registry.
const bot = { registry: createKnowledge('1.20.1').registry } as unknown as Bot;

describe('explore targets', () => {
  it('treats an ore and its deepslate form as one target', () => {
    expect(withDeepslateTwin(bot, 'diamond_ore')).toEqual(['diamond_ore', 'deepslate_diamond_ore']);
    expect(withDeepslateTwin(bot, 'iron_ore')).toEqual(['iron_ore', 'deepslate_iron_ore']);
    expect(withDeepslateTwin(bot, 'nether_quartz_ore')).toEqual(['nether_quartz_ore']);
    expect(withDeepslateTwin(bot, 'sand')).toEqual(['sand']);
  });
});
