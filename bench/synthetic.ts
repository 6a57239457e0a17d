/**
 * Realistic synthetic profiles and demand texts for the matching benchmarks: topics are clusters of terms
 * from the project's domain dictionary, so profiles and demands share vocabulary as real ones do.
 */
import { readFileSync } from 'node:fs';
import type { MatchDoc } from '../src/modules/matching/engine.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- the generator ----------

const TERMS = readFileSync(new URL('../data/matching/domain-dict.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#') && l.trim().endsWith('nz'))
  .map((l) => l.split(/\s+/)[0]!);
const ACTIONS = [
  '研究',
  '设计与优化',
  '关键技术',
  '制备工艺',
  '性能评价',
  '智能控制',
  '检测方法',
  '应用研究',
  '机理分析',
  '建模与仿真',
];
const OBJECTS = ['系统', '装置', '材料', '工艺', '平台', '模型', '方法', '设备', '产品', '生产线'];
const PROBLEMS = ['效率低', '成本高', '能耗大', '精度不足', '良品率低', '寿命短', '污染重', '稳定性差'];
const DISCIPLINES = [
  '43055',
  '43020',
  '46035',
  '46050',
  '47040',
  '48040',
  '52020',
  '41010',
  '53060',
  '35010',
];
const INDUSTRIES = ['29', '38', '34', '26', '27', '39', '17', '21', '30', '65'];

/** Topics are clusters of related terms, so profiles and demands share vocabulary as real ones do. */
export function makeTopics(rand: () => number) {
  return Array.from({ length: 400 }, () =>
    Array.from({ length: 8 }, () => TERMS[Math.floor(rand() * TERMS.length)]!),
  );
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

export function profile(rand: () => number, topics: string[][], i: number): MatchDoc {
  const topic = topics[Math.floor(topics.length * rand() ** 1.5)]!;
  const interests = Array.from(
    { length: 2 + Math.floor(rand() * 3) },
    () => `${pick(rand, topic)}${pick(rand, ACTIONS)}`,
  );
  const work = Array.from(
    { length: 1 + Math.floor(rand() * 3) },
    () => `基于${pick(rand, topic)}的${pick(rand, topic)}${pick(rand, OBJECTS)}${pick(rand, ACTIONS)}`,
  );
  const d = pick(rand, DISCIPLINES);
  const industry = pick(rand, INDUSTRIES);
  return {
    id: `e${i}`,
    code: `ZJ-${i}`,
    name: `专家${i}`,
    scopeRegion: '330500',
    regionCode: `3305${String(2 + (i % 4)).padStart(2, '0')}`,
    title: interests.join('；'),
    keywords: [],
    text: work.join('；'),
    disciplineTags: [d.slice(0, 3), d],
    industryTags: [industry],
    summary: { subtitle: null, regionName: null, tags: [], status: null },
  };
}

export function demand(rand: () => number, topics: string[][]): string {
  const topic = topics[Math.floor(topics.length * rand() ** 1.5)]!;
  return (
    `公司主要生产${pick(rand, topic)}${pick(rand, OBJECTS)}，目前${pick(rand, topic)}环节存在${pick(rand, PROBLEMS)}的问题，` +
    `希望与高校合作开展${pick(rand, topic)}${pick(rand, ACTIONS)}，提升${pick(rand, topic)}水平。`
  );
}
