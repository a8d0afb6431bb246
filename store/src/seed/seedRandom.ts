import {
  ar,
  base,
  de,
  en,
  es,
  Faker,
  fr,
  it,
  ja,
  nl,
  pt_BR,
  tr,
  type LocaleDefinition,
} from '@faker-js/faker';
import type { MarketingPreferences } from '@c360/domain';

type Language = MarketingPreferences['language'];

const LOCALES: Record<Language, LocaleDefinition[]> = {
  en: [en, base],
  fr: [fr, en, base],
  ar: [ar, en, base],
  es: [es, en, base],
  de: [de, en, base],
  pt: [pt_BR, en, base],
  it: [it, en, base],
  nl: [nl, en, base],
  tr: [tr, en, base],
  ja: [ja, en, base],
};

const mix = (h: number, v: number): number => {
  // MurmurHash3's 32-bit mixing: spreads every input bit over the state.
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
};

const HEX = '0123456789abcdef';
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const word = (w: number): string =>
  BYTE_HEX[w >>> 24]! + BYTE_HEX[(w >>> 16) & 255]! + BYTE_HEX[(w >>> 8) & 255]! + BYTE_HEX[w & 255]!;

/** Names drawn per language, generated once; faker's own generator is too slow to reseed per customer. */
const NAME_POOL_SIZE = 1_000;
type NamePool = { first: string[]; last: string[] };
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// Fixed, so every run (and every seed) draws from the same pools.
const LANGUAGE_SEEDS: Record<Language, number> = {
  en: 1,
  fr: 2,
  ar: 3,
  es: 4,
  de: 5,
  pt: 6,
  it: 7,
  nl: 8,
  tr: 9,
  ja: 10,
};

/**
 * Seeded randomness for the demo data. Every customer gets its own seed derived from
 * (seed, tenant, customer index), so a customer's data depends on nothing else: the same seed
 * gives the same data whatever the batch size, and one customer can be regenerated alone.
 *
 * Numbers, ids and choices come from a small fast generator (sfc32); faker, whose own generator
 * costs several times more per draw, is used only for names and words, seeded from this stream.
 */
export class SeedRandom {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private readonly general = new Faker({ locale: [en, base] });
  private generalSeeded = false;
  private readonly pools = new Map<Language, NamePool>();

  reseed(parts: number[]): this {
    let h1 = 0x9e3779b9;
    let h2 = 0x85ebca6b;
    for (const part of parts) {
      h1 = mix(h1, part);
      h2 = mix(h2, part ^ 0x5bd1e995);
    }
    this.a = h1;
    this.b = h2;
    this.c = mix(h1, h2);
    this.d = parts.length;
    for (let i = 0; i < 12; i++) this.next32();
    this.generalSeeded = false;
    return this;
  }

  private next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.next32() / 4294967296;
  }

  /** Faker for words and user names, seeded from this stream on first use after a reseed. */
  get faker(): Faker {
    if (!this.generalSeeded) {
      this.general.seed(this.next32());
      this.generalSeeded = true;
    }
    return this.general;
  }

  /** A first and last name in a language (its script and customs: "Heredia Niño", "ضياء ادريس"). */
  name(language: Language): { firstName: string; lastName: string } {
    let pool = this.pools.get(language);
    if (!pool) {
      const f = new Faker({ locale: LOCALES[language] });
      f.seed(LANGUAGE_SEEDS[language]);
      pool = {
        first: Array.from({ length: NAME_POOL_SIZE }, () => f.person.firstName()),
        last: Array.from({ length: NAME_POOL_SIZE }, () => f.person.lastName()),
      };
      this.pools.set(language, pool);
    }
    return { firstName: this.pick(pool.first), lastName: this.pick(pool.last) };
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of items) {
      r -= weight;
      if (r < 0) return value;
    }
    return items[items.length - 1]![0];
  }

  /** `count` distinct items in random order. */
  some<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** A version-4 UUID from the stream. */
  uuid(): string {
    const a = word(this.next32());
    const b = word(this.next32());
    const c = word(this.next32());
    const d = word(this.next32());
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${HEX[8 + (parseInt(c[0]!, 16) & 3)]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  hex(length: number): string {
    let s = '';
    while (s.length < length) s += word(this.next32());
    return s.slice(0, length);
  }

  /** A 32-character token (survey links). */
  token(): string {
    let s = '';
    for (let i = 0; i < 32; i++) s += ALNUM[Math.floor(this.next() * ALNUM.length)];
    return s;
  }
}
