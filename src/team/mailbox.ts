// Deliveries to a named assembler while it works: a helper's finished parts wait here until the assembler
// takes them, between two of its own steps (the loop's pause) or at once when it is done. One at a time:
// a giver standing by while another throws would pick the other's items up.
import { sleep } from '../base/wait.ts';
import type { Items, TeamMember } from './types.ts';

export interface Delivery {
  giver: TeamMember;
  items: Items;
}

/**
 * Runs the assembler's work (given the pause that takes deliveries) and every helper's (each resolving to
 * what it brings, or nothing) at once, handing each delivery over with `give`. Resolves once every run
 * and delivery has ended; on a stop, givers still waiting are let go.
 */
export async function workWithMailbox(
  assembler: (pause: () => Promise<void>) => Promise<unknown>,
  helpers: readonly (() => Promise<Delivery | undefined>)[],
  /** `waiting`: the deliveries still in the mailbox (their givers stand by). */
  give: (d: Delivery, waiting: readonly Delivery[]) => Promise<unknown>,
  signal: AbortSignal,
): Promise<void> {
  const mailbox: (Delivery & { done: () => void })[] = [];
  const receive = async () => {
    for (let d = mailbox.shift(); d; d = mailbox.shift()) {
      try {
        await give(d, [...mailbox]);
      } finally {
        d.done();
      }
    }
  };
  const runs = helpers.map(async (helper) => {
    const d = await helper();
    if (d && !signal.aborted) await new Promise<void>((resolve) => mailbox.push({ ...d, done: resolve }));
  });
  let delivered = false;
  const all = Promise.all(runs).finally(() => { delivered = true; });
  await assembler(receive);
  try {
    while (!delivered) {
      await receive();
      await Promise.race([all, sleep(250, signal)]);
    }
    await all;
  } catch (err) {
    // A stop: givers still waiting are let go, and the team ends only once every helper's run has.
    if (!signal.aborted) throw err;
    for (const d of mailbox.splice(0)) d.done();
    await Promise.allSettled(runs);
  }
}
