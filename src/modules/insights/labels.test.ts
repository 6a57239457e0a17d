import { describe, expect, it } from 'vitest';
import type { DictionarySnapshot } from '../registry/dictionaries.ts';
import { dimensionLabel, kindName } from './labels.ts';

// Region, month and kind labels do not read code lists.
const noDictionary = {} as DictionarySnapshot;

describe('breakdown labels', () => {
  it('names a county as short as the view allows: within a city, a province, the country', () => {
    expect(dimensionLabel('region', '330502', noDictionary, '3305')).toBe('吴兴区');
    expect(dimensionLabel('region', '330502', noDictionary, '33')).toBe('湖州市吴兴区');
    expect(dimensionLabel('region', '330502', noDictionary, '')).toBe('浙江省湖州市吴兴区');
    expect(dimensionLabel('region', '-', noDictionary, '3305')).toBe('未注明');
  });

  it('names months and kinds the way a report does', () => {
    expect(dimensionLabel('month', '2026-03', noDictionary)).toBe('3月');
    expect(kindName('job_fair')).toBe('招聘会');
    expect(kindName('demands')).toBe('技术需求');
    expect(kindName('closed')).toBe('已办结');
  });
});
