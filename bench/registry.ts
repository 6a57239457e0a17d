
import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '../src/reference/idcard.ts';
import { BENCH_PASSWORD, demoPlatform, percentile } from './support.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉建国志远海波晓东'];
const TITLES = ['教授', '副教授', '研究员', '副研究员', '高级工程师', '正高级工程师', '工程师', '讲师'];
const REGIONS = [
  '浙江省湖州市吴兴区',
  '南浔区',
  '德清县',
  '长兴县',
  '安吉县',
  '杭州市西湖区',
  '宁波',
  '上海市',
  '江苏省南京市',
  '330502',
];
const DISCIPLINES = [
  '复合材料',
  '人工智能',
  '机械设计',
  '电气工程',
  '储能技术',
  '药物化学',
  '环境工程学',
  '计算机应用',
  '材料科学；机械工程',
  '纳米材料',
];
const INTERESTS = [
  '高性能复合材料与轻量化',
  '工业机器人视觉',
  '永磁电机控制',
  '锂电池热管理',
  '中药质量标准',
  '固废资源化利用',
  '数字化印染',
  '深度学习与遥感',
];
const EMPLOYERS = Array.from({ length: 40 }, (_, i) => `第${i + 1}研究院`);

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

async function makeWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('专家');
  sheet.addRow([
    '编号',
    '姓名',
    '工作单位',
    '职称',
    '所在地区',
    '学科领域',
    '研究方向',
    '代表成果',
    '手机',
    '身份证号',
  ]);
  for (let i = 0; i < rows; i++) {
    // Unique, valid ID numbers for every fifth row: region, birth date, sequence, check digit.
    const birth = `${1960 + (i % 40)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}`;
    const first17 = `330102${birth}${String(Math.floor(i / 336) % 1000).padStart(3, '0')}`;
    sheet.addRow([
      `B-${String(i).padStart(7, '0')}`,
      pick(SURNAMES, i * 7) + pick(GIVEN, i * 13) + pick(GIVEN, i * 3),
      pick(EMPLOYERS, i),
      pick(TITLES, i),
      pick(REGIONS, i),
      pick(DISCIPLINES, i),
      pick(INTERESTS, i),
      `代表成果${i}`,
      `13${String(100000000 + i).slice(-9)}`,
      i % 5 === 0 ? first17 + idNumberCheckChar(first17) : '',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function run(rows: number) {
  const { platform, close } = await demoPlatform();
  try {
    const login = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'operator', password: BENCH_PASSWORD },
    });
    const token = login.cookies.find((c) => c.name === 'caiqiao_session')!.value;
    const cookie = `caiqiao_session=${token}`;
    const actor = (await platform.auth.resolve(token, { ip: '127.0.0.1', requestId: 'bench' }))!.actor;

    const file = await makeWorkbook(rows);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 25);
    const t0 = performance.now();
    const job = await platform.imports.preview(actor, 'talents', 'bench.xlsx', file);
    const t1 = performance.now();
    const done = await platform.imports.commit(actor, job.id);
    const t2 = performance.now();
    clearInterval(sampler);
    console.log(
      `import ${rows.toLocaleString('en')} rows (${(file.length / 1024 / 1024).toFixed(1)} MB xlsx, ${platform.database.kind}): ` +
        `preview ${((t1 - t0) / 1000).toFixed(2)} s, commit ${((t2 - t1) / 1000).toFixed(2)} s, total ${((t2 - t0) / 1000).toFixed(2)} s, ` +
        `${Math.round(rows / ((t2 - t0) / 1000))} rows/s, peak RSS ${Math.round(peakRss / 1024 / 1024)} MB ` +
        `(created ${done.created}, rejected ${job.rejected}, flagged ${job.flagged})`,
    );

    const queries = [
      '/api/registry/talents',
      `/api/registry/talents?q=${encodeURIComponent('复合材料')}`,
      `/api/registry/talents?discipline=430&titleLevel=${encodeURIComponent('正高级')}`,
      '/api/registry/talents?regionCode=330521&sort=name',
      `/api/registry/talents?q=${encodeURIComponent('王')}&regionCode=3305&page=3`,
      `/api/registry/talents?q=${encodeURIComponent('材料')}`,
      '/api/registry/talents?industry=C&flagged=true',
      '/api/registry/talents?q=b-00012',
    ];
    for (const url of queries) await platform.app.inject({ method: 'GET', url, headers: { cookie } });
    const all: number[] = [];
    const perQuery = new Map<string, number[]>();
    for (let i = 0; i < 350; i++) {
      const url = queries[i % queries.length]!;
      const start = performance.now();
      const res = await platform.app.inject({ method: 'GET', url, headers: { cookie } });
      const ms = performance.now() - start;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      all.push(ms);
      perQuery.set(url, [...(perQuery.get(url) ?? []), ms]);
    }
    all.sort((a, b) => a - b);
    console.log(
      `list pages over ${rows.toLocaleString('en')} imported experts (20 rows, through HTTP): p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms`,
    );
    for (const [url, list] of perQuery) {
      list.sort((a, b) => a - b);
      console.log(
        `  ${decodeURIComponent(url).padEnd(58)} p50 ${percentile(list, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(list, 99).toFixed(1).padStart(6)} ms`,
      );
    }
  } finally {
    await close();
  }
}

for (const size of SIZES) await run(size);
