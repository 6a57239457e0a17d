import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../src/platform/http/app-error.ts';
import { type TestPlatform, testPlatform } from './support/platform.ts';

describe('error catalogue', () => {
  let p: TestPlatform;
  it('every declared code has a status and a message in both languages', async () => {
    // Building the platform imports every module, so every catalogue is declared.
    p = await testPlatform({ demo: false });
    const codes = [...errorCatalogue()];
    expect(codes.length).toBeGreaterThan(40);
    for (const [code, spec] of codes) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
      expect(spec.status, code).toBeLessThan(600);
      expect(spec.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(spec.en, code).toMatch(/[A-Za-z]/);
      // Placeholders must be the same in both languages.
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(spec.en), code).toEqual(names(spec.zh));
    }
    await p.close();
  });
});
