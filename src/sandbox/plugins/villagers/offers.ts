// Merchant offers as vanilla's MerchantOffer reads them from a villager's `Offers:{Recipes:[…]}` NBT,
// and its price and matching rules (getCostA with demand and special price, satisfiedBy, take).

export interface Cost { name: string; count: number }

export interface MerchantOffer {
  buy: Cost;
  buyB: Cost | null;
  sell: Cost;
  uses: number;
  maxUses: number;
  xp: number;
  priceMultiplier: number;
  demand: number;
  specialPrice: number;
  rewardExp: boolean;
}

type Raw = Record<string, unknown>;
const num = (v: unknown, dflt: number) => (typeof v === 'number' ? v : dflt);

function cost(raw: unknown): Cost | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Raw;
  if (typeof r.id !== 'string') return null;
  const count = num(r.Count ?? r.count, 1);
  const name = r.id.replace(/^minecraft:/, '');
  return name === 'air' || count <= 0 ? null : { name, count };
}

/** MerchantOffer(CompoundTag): what a recipe omits takes vanilla's defaults (maxUses 4, rewardExp on). */
export function parseOffers(data: Raw): MerchantOffer[] {
  const offers = (data.Offers as Raw | undefined)?.Recipes;
  if (!Array.isArray(offers)) return [];
  const out: MerchantOffer[] = [];
  for (const raw of offers as Raw[]) {
    const buy = cost(raw.buy);
    const sell = cost(raw.sell);
    if (!buy || !sell) continue;
    out.push({
      buy, sell, buyB: cost(raw.buyB),
      uses: num(raw.uses, 0), maxUses: num(raw.maxUses, 4), xp: num(raw.xp, 1),
      priceMultiplier: num(raw.priceMultiplier, 0), demand: num(raw.demand, 0), specialPrice: num(raw.specialPrice, 0),
      rewardExp: raw.rewardExp === undefined ? true : num(raw.rewardExp, 1) !== 0,
    });
  }
  return out;
}

/** MerchantOffer.getCostA: the base count raised by demand and lowered by the special price, 1…stack size. */
export function priceA(offer: MerchantOffer, stackSize: number): number {
  const demandDiff = Math.max(0, Math.floor(offer.buy.count * offer.demand * offer.priceMultiplier));
  return Math.min(Math.max(offer.buy.count + demandDiff + offer.specialPrice, 1), stackSize);
}

export const outOfStock = (o: MerchantOffer) => o.uses >= o.maxUses;

interface Held { name: string; count: number }

/** MerchantOffer.satisfiedBy: slot A covers the price, slot B covers the second cost (or is empty when there is none). */
export function satisfiedBy(o: MerchantOffer, a: Held | null, b: Held | null, stackSize: (name: string) => number): boolean {
  const okA = a !== null && a.name === o.buy.name && a.count >= priceA(o, stackSize(o.buy.name));
  const okB = o.buyB ? b !== null && b.name === o.buyB.name && b.count >= o.buyB.count : b === null;
  return okA && okB;
}

/** MerchantOffers.getRecipeFor: the selected offer when it is not the first, else the first that matches. */
export function recipeFor(offers: MerchantOffer[], a: Held | null, b: Held | null, hint: number, stackSize: (name: string) => number): MerchantOffer | null {
  if (hint > 0 && hint < offers.length) {
    const o = offers[hint]!;
    return satisfiedBy(o, a, b, stackSize) ? o : null;
  }
  return offers.find((o) => satisfiedBy(o, a, b, stackSize)) ?? null;
}
