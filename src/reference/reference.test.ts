import { describe, expect, it } from 'vitest';
import {
  birthDateOfIdNumber,
  creditCodeCheckChar,
  findRegion,
  genderOfIdNumber,
  idNumberCheckChar,
  isKnownRegion,
  isValidCreditCode,
  isValidIdNumber,
  isValidMobile,
  isWithin,
  maskIdNumber,
  maskMobile,
  maskName,
  normaliseCreditCode,
  normaliseIdNumber,
  normaliseMobile,
  regionFullName,
  regionLevel,
  regionOfCreditCode,
  regionPath,
  regionTree,
  scopePrefix,
  searchRegionsByName,
} from './index.ts';

/** Builds a full ID number from a 17-digit body with our own check function. */
const withCheck = (body: string): string => body + idNumberCheckChar(body);

describe('idcard', () => {
  // 11010519491231002X, by hand: digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 × weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
  // = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2; '10X98765432'[2] = 'X'.
  const SAMPLE = '11010519491231002X';
  // 330502199001011236, by hand: 3 3 0 5 0 2 1 9 9 0 0 1 0 1 1 2 3
  // = 21+27+0+25+0+8+2+9+54+0+0+9+0+5+8+8+6 = 182; 182 mod 11 = 6; '10X98765432'[6] = '6'.
  const HUZHOU = '330502199001011236';
  // 440524188001010014, by hand: 4 4 0 5 2 4 1 8 8 0 0 1 0 1 0 0 1
  // = 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8; '10X98765432'[8] = '4'. Check is right, born 1880.
  const BORN_1880 = '440524188001010014';

  it('computes check characters', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('33050219900101123')).toBe('6');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(() => idNumberCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckChar('1101051949123100A')).toThrow(RangeError);
  });

  it('accepts hand-verified and constructed numbers', () => {
    expect(isValidIdNumber(SAMPLE)).toBe(true);
    expect(isValidIdNumber(HUZHOU)).toBe(true);
    expect(isValidIdNumber(withCheck('33052120000229004'))).toBe(true); // 2000 is a leap year
    expect(isValidIdNumber(withCheck('11010119000101123'))).toBe(true); // earliest allowed date
  });

  it('accepts lowercase x, surrounding spaces and full-width digits', () => {
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('  11010519491231002X ')).toBe(true);
    expect(normaliseIdNumber(' １１０１０５１９４９１２３１００２ｘ ')).toBe(SAMPLE);
    expect(isValidIdNumber('１１０１０５１９４９１２３１００２x')).toBe(true);
  });

  it('rejects a wrong check character and malformed values', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('330502199001011235')).toBe(false);
    expect(isValidIdNumber('33050219900101123')).toBe(false);
    expect(isValidIdNumber('3305021990010112366')).toBe(false);
    expect(isValidIdNumber('33050219900101123A')).toBe(false);
    expect(isValidIdNumber(withCheck('03050219900101123'))).toBe(false);
    expect(isValidIdNumber('')).toBe(false);
  });

  it('rejects impossible, too early and future birth dates', () => {
    expect(isValidIdNumber(withCheck('33050219900230123'))).toBe(false); // 30 February
    expect(isValidIdNumber(withCheck('33050219010229123'))).toBe(false); // 1901 is not a leap year
    expect(isValidIdNumber(withCheck('33050219900431123'))).toBe(false); // 31 April
    expect(isValidIdNumber(withCheck('33050219901301123'))).toBe(false); // month 13
    expect(isValidIdNumber(withCheck('33050219900100123'))).toBe(false); // day 0
    expect(isValidIdNumber(BORN_1880)).toBe(false);
    expect(isValidIdNumber(withCheck('33050218991231123'))).toBe(false);
    const now = new Date('2024-06-01T12:00:00Z');
    expect(isValidIdNumber(withCheck('33050220240601123'), now)).toBe(true);
    expect(isValidIdNumber(withCheck('33050220240602123'), now)).toBe(false);
    // 2024-06-01T20:00Z is already 2 June in China.
    expect(isValidIdNumber(withCheck('33050220240602123'), new Date('2024-06-01T20:00:00Z'))).toBe(true);
  });

  it('reads the birth date and gender', () => {
    expect(birthDateOfIdNumber(SAMPLE)).toBe('1949-12-31');
    expect(birthDateOfIdNumber('11010519491231002x')).toBe('1949-12-31');
    expect(genderOfIdNumber(SAMPLE)).toBe('female'); // 17th digit 2
    expect(genderOfIdNumber(HUZHOU)).toBe('male'); // 17th digit 3
    expect(birthDateOfIdNumber('110105194912310021')).toBeUndefined();
    expect(genderOfIdNumber('nonsense')).toBeUndefined();
  });
});

describe('creditcode', () => {
  // 91350100M000100Y43, by hand: values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4
  // × weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
  // = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31 - 28 = 3 → '3'.
  const SAMPLE = '91350100M000100Y43';

  it('computes check characters', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(() => creditCodeCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100I000100Y4')).toThrow(RangeError);
  });

  it('maps a remainder of 0 to the check character 0', () => {
    // Find a body whose weighted sum is a multiple of 31 by varying the last character (weight 28, coprime to 31).
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const bodies = [...charset].map((c) => `91330502MA2B3C4D${c}`);
    const zero = bodies.filter((b) => creditCodeCheckChar(b) === '0');
    expect(zero).toHaveLength(1);
    expect(isValidCreditCode(`${zero[0]}0`)).toBe(true);
  });

  it('validates codes', () => {
    expect(isValidCreditCode(SAMPLE)).toBe(true);
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true);
    expect(normaliseCreditCode(' 91350100m000100y43 ')).toBe(SAMPLE);
    const body = '91330502MA2B3C4D5';
    expect(isValidCreditCode(body + creditCodeCheckChar(body))).toBe(true);
  });

  it('rejects wrong checks, forbidden characters and wrong lengths', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    for (const bad of ['I', 'O', 'Z', 'S', 'V']) {
      const body = `91350100M000100${bad}4`;
      expect(isValidCreditCode(`${body}3`)).toBe(false);
      expect(isValidCreditCode(`91350100M000100Y4${bad}`)).toBe(false);
    }
    expect(isValidCreditCode('')).toBe(false);
  });

  it('extracts the region code', () => {
    expect(regionOfCreditCode(SAMPLE)).toBe('350100');
    expect(regionOfCreditCode('91330502MA2B3C4D58')).toBe('330502');
    expect(regionOfCreditCode('short')).toBe('');
  });
});

describe('mobile', () => {
  it('normalises country codes, spaces, hyphens and full-width digits', () => {
    expect(normaliseMobile('+86 138 1234 5678')).toBe('13812345678');
    expect(normaliseMobile('0086-138-1234-5678')).toBe('13812345678');
    expect(normaliseMobile('8613812345678')).toBe('13812345678');
    expect(normaliseMobile('＋８６ １３８１２３４５６７８')).toBe('13812345678');
    expect(normaliseMobile(' 138 1234 5678 ')).toBe('13812345678');
  });

  it('validates numbers', () => {
    expect(isValidMobile('+86 138 1234 5678')).toBe(true);
    expect(isValidMobile('19912345678')).toBe(true);
    expect(isValidMobile('12812345678')).toBe(false);
    expect(isValidMobile('1381234567')).toBe(false);
    expect(isValidMobile('138123456789')).toBe(false);
    expect(isValidMobile('86 1381234567')).toBe(false);
    expect(isValidMobile('')).toBe(false);
  });

  it('masks numbers', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+86 138 1234 5678')).toBe('138****5678');
    expect(maskMobile('12345')).toBe('***45');
    expect(maskMobile('7')).toBe('*');
    expect(maskMobile('')).toBe('');
  });
});

describe('mask', () => {
  it('masks ID numbers', () => {
    expect(maskIdNumber('330502199001011234')).toBe('330***********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110***********002X');
    expect(maskIdNumber('12345')).toBe('***45');
  });

  it('masks names', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('欧阳修')).toBe('欧阳*');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('张')).toBe('*');
    expect(maskName('')).toBe('');
  });
});

describe('regions', () => {
  it('finds regions with 6-digit codes, levels and parents', () => {
    expect(findRegion('330500')).toEqual({
      code: '330500',
      name: '湖州市',
      level: 'city',
      parentCode: '330000',
    });
    expect(findRegion('330000')).toEqual({
      code: '330000',
      name: '浙江省',
      level: 'province',
      parentCode: null,
    });
    expect(findRegion('330521')).toEqual({
      code: '330521',
      name: '德清县',
      level: 'county',
      parentCode: '330500',
    });
    expect(findRegion('33')).toBeUndefined();
    expect(findRegion('999999')).toBeUndefined();
    expect(isKnownRegion('110101')).toBe(true);
    expect(isKnownRegion('330599')).toBe(false);
  });

  it('keeps cities that have no counties as cities', () => {
    expect(findRegion('441900')).toMatchObject({ name: '东莞市', level: 'city', parentCode: '440000' });
    expect(regionFullName('441900')).toBe('广东省东莞市');
  });

  it('reports levels, inferring them for unknown well-formed codes', () => {
    expect(regionLevel('330000')).toBe('province');
    expect(regionLevel('330500')).toBe('city');
    expect(regionLevel('330502')).toBe('county');
    expect(regionLevel('990000')).toBe('province');
    expect(regionLevel('339900')).toBe('city');
    expect(regionLevel('330599')).toBe('county');
    expect(regionLevel('3305')).toBeUndefined();
    expect(regionLevel('000000')).toBeUndefined();
  });

  it('builds paths and full names', () => {
    expect(regionPath('330502').map((r) => r.code)).toEqual(['330000', '330500', '330502']);
    expect(regionPath('330000').map((r) => r.code)).toEqual(['330000']);
    expect(regionPath('999999')).toEqual([]);
    expect(regionFullName('330502')).toBe('浙江省湖州市吴兴区');
    expect(regionFullName('330500')).toBe('浙江省湖州市');
    expect(regionFullName('110101')).toBe('北京市东城区');
    expect(regionFullName('110101')).not.toContain('市辖区');
    expect(regionFullName('500229')).toBe('重庆市城口县'); // under the '县' placeholder city
    expect(regionFullName('429004')).toBe('湖北省仙桃市'); // under 省直辖县级行政区划
    expect(regionFullName('999999')).toBe('999999');
    expect(regionFullName('000000')).toBe('全国');
  });

  it('computes scope prefixes', () => {
    expect(scopePrefix('330000')).toBe('33');
    expect(scopePrefix('330500')).toBe('3305');
    expect(scopePrefix('330502')).toBe('330502');
    expect(scopePrefix('110100')).toBe('1101');
    expect(scopePrefix('000000')).toBe('');
    expect(scopePrefix('')).toBe('');
    expect(() => scopePrefix('33')).toThrow(RangeError);
    expect(() => scopePrefix('abc')).toThrow(RangeError);
  });

  it('tests containment', () => {
    expect(isWithin('330502', '330500')).toBe(true);
    expect(isWithin('330502', '330000')).toBe(true);
    expect(isWithin('330500', '330500')).toBe(true);
    expect(isWithin('330502', '000000')).toBe(true);
    expect(isWithin('330502', '')).toBe(true);
    expect(isWithin('330100', '330500')).toBe(false);
    expect(isWithin('330000', '330500')).toBe(false);
    expect(isWithin('320502', '330000')).toBe(false);
    expect(isWithin('330502', '330502')).toBe(true);
    expect(isWithin('330503', '330502')).toBe(false);
    expect(isWithin('', '330000')).toBe(false);
    expect(isWithin('330502', 'garbage')).toBe(false);
  });

  it('builds a memoised Cascader tree', () => {
    const tree = regionTree();
    expect(tree).toHaveLength(31);
    expect(regionTree()).toBe(tree);
    const zhejiang = tree.find((n) => n.label === '浙江省');
    expect(zhejiang?.value).toBe('330000');
    const huzhou = zhejiang?.children?.find((n) => n.label === '湖州市');
    expect(huzhou?.value).toBe('330500');
    expect(huzhou?.children?.map((n) => n.label)).toContain('德清县');
    expect(huzhou?.children?.find((n) => n.label === '德清县')?.value).toBe('330521');
    const dongguan = tree.find((n) => n.value === '440000')?.children?.find((n) => n.value === '441900');
    expect(dongguan).toEqual({ value: '441900', label: '东莞市' });
  });

  it('searches by name', () => {
    expect(searchRegionsByName('湖州')[0]?.code).toBe('330500');
    expect(searchRegionsByName('湖州市')[0]?.code).toBe('330500');
    expect(searchRegionsByName('浙江省湖州市德清县')[0]?.code).toBe('330521');
    expect(searchRegionsByName('浙江省湖州市')[0]?.code).toBe('330500');
    expect(searchRegionsByName('湖州市德清县')[0]?.code).toBe('330521');
    expect(searchRegionsByName('北京市东城区')[0]?.code).toBe('110101');
    expect(searchRegionsByName(' 德清 ')[0]?.code).toBe('330521');
    expect(searchRegionsByName('')).toEqual([]);
    expect(searchRegionsByName('不存在的地方')).toEqual([]);
  });

  it('ranks exact matches before prefix and substring matches', () => {
    const chengqu = searchRegionsByName('城区');
    expect(chengqu.slice(0, 3).map((r) => r.code)).toEqual(['140302', '140502', '441502']);
    expect(chengqu.length).toBeGreaterThan(3);
    expect(chengqu.slice(3).every((r) => r.name !== '城区' && r.name.includes('城区'))).toBe(true);
    const ning = searchRegionsByName('宁');
    const tier = (name: string): number => (name === '宁' ? 0 : name.startsWith('宁') ? 1 : 2);
    const tiers = ning.map((r) => tier(r.name));
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(tiers).toContain(1);
    expect(tiers).toContain(2);
    expect(ning[0]?.code).toBe('640000'); // 宁夏回族自治区: provinces first within a tier
  });
});
