import type { Knowledge } from '../../knowledge/kb.ts';
import { groupMembers, isGroup } from '../../knowledge/groups.ts';

const memberCache = new WeakMap<Knowledge, Map<string, readonly string[]>>();

/** Items that satisfy a need: a group's members (fuel items for `#fuel`), or the item itself. Cached: the planner asks often. */
export function membersOf(name: string, kb: Knowledge): readonly string[] {
  if (!isGroup(name)) return [name];
  let byName = memberCache.get(kb);
  if (!byName) memberCache.set(kb, (byName = new Map<string, readonly string[]>()));
  let found = byName.get(name);
  if (!found) byName.set(name, (found = groupMembers(name, kb)));
  return found;
}
