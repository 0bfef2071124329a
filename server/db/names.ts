import vietnam from './data/vietnam.json';
import { Gender } from '../member/member.entity';

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo and synthetic data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(items: [T, number][]): (r: () => number) => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  return (r) => {
    let x = r() * total;
    for (const [v, w] of items) if ((x -= w) < 0) return v;
    return items[items.length - 1][0];
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const family = weighted(vietnam.familyNames as [string, number][]);
const ethnicity = weighted(vietnam.ethnicities as [string, number][]);

export const PROVINCES: { name: string; kind: string; merged: string[] }[] = vietnam.provinces2025;

/** A plausible Vietnamese person: name by gender, ethnicity. */
export function person(r: () => number, gender: Gender): { fullName: string; ethnicity: string } {
  const key = gender === Gender.FEMALE ? 'female' : 'male';
  const middle = pick(r, vietnam.middleNames[key]);
  const given = pick(r, vietnam.givenNames[key]);
  return { fullName: `${family(r)} ${middle} ${given}`, ethnicity: ethnicity(r) };
}

export const pickOne = pick;
