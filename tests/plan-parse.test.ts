import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlightsOf, PARSED_PLAN_KEYS, type ParsedPlan, parsePlanText, planSourceText } from '../src/shared/plans';
import { runTs } from './support/processes';

/**
 * `parsePlanText` on the five real provincial documents in the shared seeds folder (plans and news
 * articles about plans, 2019–2025) and on made-up variants with each defect copied text has.
 * Every person's name in the variants is fake.
 */
const SEEDS = process.env.PCMT_PLAN_SEEDS ?? '/work/shared/seeds';

type Expected = Partial<Omit<ParsedPlan, 'agencies' | 'objectives'>> & {
  agencyNames?: string[];
  objectives?: { value: number | null; unit: 'percent' | 'count' | null; contains: string }[];
};

const seeds: { file: string; expected: Expected }[] = [
  {
    // News article (Lai Châu) on the 2019 Action Month; no number, date or issuer of the plan given.
    file: '000_ebc8f217f9aefed4.txt',
    expected: {
      number: null,
      date: null,
      issuer: null,
      signer: null,
      title: null,
      type: 'action_month',
      period: { from: '2019-06-01', to: '2019-06-30' },
      theme: 'Hãy bảo vệ thế hệ trẻ trước hiểm họa ma túy',
      references: [],
      agencyNames: ['Công an tỉnh'],
      objectives: [
        { value: null, unit: null, contains: 'ngăn chặn không để tội phạm ma túy lợi dụng' },
        { value: null, unit: null, contains: 'Siết chặt công tác quản lý nhân, hộ khẩu' },
      ],
      deadlines: [],
      funding: null,
    },
  },
  {
    // Hải Dương portal article on the 2024 plan of Ban Chỉ đạo 138 (the page date 23/4/2023 is not the plan's).
    file: '001_45cfd83c5e7ce206.txt',
    expected: {
      number: null,
      date: null,
      issuer:
        'Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh tổ quốc tỉnh (Ban Chỉ đạo 138)',
      signer: null,
      title: 'Kế hoạch phòng, chống ma túy năm 2024',
      type: 'annual',
      period: { from: '2024-01-01', to: '2024-12-31' },
      theme: null,
      references: [],
      agencyNames: [],
      objectives: [
        { value: 100, unit: 'percent', contains: '100% người sử dụng trái phép chất ma túy được phát hiện' },
        { value: 100, unit: 'percent', contains: '100% người nghiện ma túy được tham gia' },
        { value: 100, unit: 'percent', contains: '100% số người nghiện và người sử dụng' },
        { value: null, unit: null, contains: 'Không để hình thành các điểm, tụ điểm phức tạp mới' },
        { value: null, unit: null, contains: 'Không để hình thành “điểm nóng” về ma túy' },
        { value: 100, unit: 'percent', contains: 'tại 100% số xã, phường, thị trấn, trường học, khu công nghiệp' },
        { value: null, unit: null, contains: 'không để người nghiện, người sử dụng trái phép chất ma túy có hành vi phạm tội' },
        { value: null, unit: null, contains: 'không để các đối tượng lợi dụng tổ chức sử dụng' },
        { value: null, unit: null, contains: 'Không để xảy ra hoặc triệt phá ngay tội phạm sản xuất' },
      ],
      deadlines: [],
      funding: null,
    },
  },
  {
    // Nghệ An article: "Kế hoạch số 105/KH-UBND ngày 23/2" whose year (2023) is only in the title.
    file: '002_38acd442dc3b0a6f.txt',
    expected: {
      number: '105/KH-UBND',
      date: '2023-02-23',
      issuer: 'UBND tỉnh',
      signer: null,
      title: 'Kế hoạch thực hiện công tác phòng, chống ma túy trên địa bàn tỉnh năm 2023',
      type: 'annual',
      period: { from: '2023-01-01', to: '2023-12-31' },
      theme: null,
      references: [],
      agencyNames: ['Công an tỉnh'],
      objectives: [
        { value: null, unit: null, contains: 'không để Nghệ An trở thành địa bàn trung chuyển' },
        { value: 6, unit: 'count', contains: '“làm sạch” ma túy 6 huyện biên giới' },
        { value: null, unit: null, contains: '“không để bị động, bất ngờ trong mọi tình huống”' },
        { value: null, unit: null, contains: 'Ngăn chặn không để tội phạm ma túy lợi dụng địa bàn Nghệ An' },
      ],
      deadlines: [],
      funding: null,
    },
  },
  {
    // Long An plan for the 2022 Action Month, full text with its task list and signature.
    file: '003_8121a5d30eed3429.txt',
    expected: {
      number: null,
      date: null,
      issuer: 'UBND tỉnh',
      signer: 'Phạm Tấn Hòa',
      title: 'Kế hoạch thực hiện Tháng hành động phòng, chống ma túy năm 2022',
      type: 'action_month',
      period: { from: '2022-06-01', to: '2022-06-30' },
      theme:
        'Nâng cao hiệu quả công tác cai nghiện ma túy và quản lý người sử dụng trái phép chất ma túy - Vì một cộng đồng khỏe mạnh và an toàn',
      references: ['3042/VPCP-KGVX'],
      agencyNames: [
        'Công an tỉnh',
        'Sở Lao động - Thương binh và Xã hội',
        'Sở Y tế',
        'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
        'Sở Thông tin và Truyền thông',
        'Sở Giáo dục và Đào tạo',
        'Đài phát thanh và Truyền hình Long An',
        'Các sở, ngành có liên quan',
        'UBND các huyện, thị xã, thành phố',
      ],
      objectives: [],
      deadlines: [{ what: 'tổ chức sơ kết và gửi báo cáo', to: 'Công an tỉnh', by: '2022-07-05' }],
      funding:
        'Kinh phí thực hiện Tháng hành động phòng, chống ma túy được bố trí trong dự toán chi thường xuyên của các ngành, địa phương và được huy động từ các nguồn hợp pháp khác theo quy định của pháp luật.',
    },
  },
  {
    // News item on plan 125/KH-UBND for the 2023 Action Month, signed 26/5/2023.
    file: '004_16ca63f9cb1930f5.txt',
    expected: {
      number: '125/KH-UBND',
      date: '2023-05-26',
      issuer: 'UBND tỉnh',
      signer: 'Hoàng Nam',
      title: 'Kế hoạch thực hiện Tháng hành động phòng, chống ma túy',
      type: 'action_month',
      period: { from: '2023-06-01', to: '2023-06-30' },
      theme: null,
      references: [],
      agencyNames: [],
      objectives: [],
      deadlines: [],
      funding: null,
    },
  },
];

function check(plan: ParsedPlan, expected: Expected): void {
  const { agencyNames, objectives, ...fields } = expected;
  for (const [key, value] of Object.entries(fields)) {
    expect(plan[key as keyof ParsedPlan], key).toEqual(value);
  }
  if (agencyNames) expect(plan.agencies.map((a) => a.name)).toEqual(agencyNames);
  if (objectives) {
    expect(plan.objectives).toHaveLength(objectives.length);
    objectives.forEach((o, i) => {
      expect(plan.objectives[i]?.text).toContain(o.contains);
      expect(plan.objectives[i]?.value).toBe(o.value);
      expect(plan.objectives[i]?.unit).toBe(o.unit);
    });
  }
}

describe.skipIf(!existsSync(SEEDS))('parsePlanText on the seed documents', () => {
  it.each(seeds)('$file', async ({ file, expected }) => {
    const plan = parsePlanText(await readFile(path.join(SEEDS, file), 'utf8'));
    expect(Object.keys(plan)).toEqual([...PARSED_PLAN_KEYS]);
    check(plan, expected);
  });

  it('003: every agency has its tasks, and the cited dispatch is not the plan number', async () => {
    const plan = parsePlanText(await readFile(path.join(SEEDS, '003_8121a5d30eed3429.txt'), 'utf8'));
    expect(plan.agencies.every((a) => a.tasks.length > 0)).toBe(true);
    expect(plan.agencies[0]?.tasks).toHaveLength(3);
    // The line broken inside "bắt / buộc" is one task again.
    expect(plan.agencies[0]?.tasks[1]).toContain('cơ sở cai nghiện bắt buộc theo quy định');
    expect(plan.number).not.toBe('3042/VPCP-KGVX');
    // Recipients ("Nơi nhận") are not agencies with tasks.
    expect(plan.agencies.map((a) => a.name)).not.toContain('Văn phòng Chính phủ (báo cáo);');
  });
});

/** An official plan as copied from a legal website: table pipes, BOM, CRLF, glued words, "MT". */
const GLUED_TABLE = [
  '\uFEFFTrang chủ | Văn bản pháp luật | Tải về',
  'Đăng nhập',
  '| UBND TỈNH HẢI ĐĂNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
  '|---|---|',
  '| Số: 77/KH-UBND | Độc lập - Tự do - Hạnh phúc |',
  '| | Hải Đăng, ngày 15 tháng 5 năm 2024 |',
  'KẾ HOẠCHTHỰC HIỆN THÁNG HÀNH ĐỘNG PHÒNG, CHỐNG MA TÚY NĂM 2024',
  'Căn cứ Kế hoạch số 12/KH-BCĐ ngày 02/5/2024 của Ban Chỉ đạo tỉnh, UBND tỉnh ban hành kế hoạch như sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. 100% xã, phường tổ chức tuyên truyền về tác hại của MT.',
  '2. Không để phát sinh điểm nóng về MT.',
  'II. NHIỆM VỤ',
  '1. Công an tỉnh: chủ trì mở đợt cao điểm tấn công tội phạm MT.',
  '2. Sở Y tế',
  '- Hướng dẫn xác định tình trạng nghiện.',
  '- Phối hợp với Sở TN&MT xử lý chất thải y tế.',
  'III. TỔ CHỨC THỰC HIỆN',
  'Các đơn vị gửi báo cáo kết quả về Công an tỉnh trước ngày31/7.',
  'TM. ỦY BAN NHÂN DÂN',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  'Nguyễn Văn Giả',
].join('\r\n');

/** A district plan numbered with letters, citing the province's plan as its basis. */
const LETTERED = [
  'KẾ HOẠCH',
  'Triển khai công tác phòng, chống ma túy năm 2025',
  'Thực hiện Kế hoạch số 90/KH-UBND ngày 10/01/2025 của UBND tỉnh, UBND huyện Sông Mây ban hành kế hoạch như sau:',
  'A. MỤC TIÊU',
  'a) Phấn đấu đưa 12 người nghiện vào cơ sở cai nghiện bắt buộc.',
  'b) 95% người nghiện được lập hồ sơ quản lý.',
  'B. PHÂN CÔNG NHIỆM VỤ',
  'a) Công an huyện',
  '- Rà soát, thống kê người sử dụng trái phép chất ma túy.',
  'b) Phòng Văn hóa - Xã hội: hướng dẫn tuyên truyền tại các trường học.',
  'c) UBND các xã, thị trấn',
  '- Quản lý người nghiện tại nơi cư trú.',
  'C. TỔ CHỨC THỰC HIỆN',
  'Kinh phí thực hiện từ ngân sách huyện.',
  'Đề nghị các xã báo cáo về UBND huyện (qua Công an huyện) trước ngày 15/12/2025.',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Trần Thị Mẫu',
].join('\n');

/** A news article about a plan: site menu, a date without its year, a cited dispatch. */
const ARTICLE = [
  'Trang chủ | Tin tức | English | 中文',
  'in trang',
  'Hải Đăng triển khai công tác phòng, chống ma túy',
  'Ngày 10/3, UBND tỉnh Hải Đăng đã ban hành Kế hoạch số 45/KH-UBND về thực hiện công tác phòng, chống ma túy năm 2024.',
  'Thực hiện Công văn số 1234/BCA-C04 của Bộ Công an, kế hoạch đặt mục tiêu 100% trường học được tuyên truyền.',
  'UBND tỉnh giao Sở Y tế chủ trì hướng dẫn xác định tình trạng nghiện.',
  'Các địa phương gửi báo cáo về Công an tỉnh trước ngày 20/6.',
  'Nguồn tin: Cổng thông tin giả lập',
  'BÀI MỚI ĐĂNG',
].join('\n');

describe('parsePlanText on damaged and unusual text', () => {
  it('repairs glued words, table pipes, site menus, BOM and "MT"', () => {
    const plan = parsePlanText(GLUED_TABLE);
    expect(plan.number).toBe('77/KH-UBND');
    expect(plan.date).toBe('2024-05-15');
    expect(plan.issuer).toBe('UBND tỉnh Hải Đăng');
    expect(plan.signer).toBe('Nguyễn Văn Giả');
    expect(plan.title).toBe('Kế hoạch thực hiện tháng hành động phòng, chống ma túy năm 2024');
    expect(plan.type).toBe('action_month');
    // No "từ ngày … đến ngày …" and no "tháng 6/2024" in the text: the period is not guessed.
    expect(plan.period).toBeNull();
    expect(plan.references).toEqual(['12/KH-BCĐ']);
    expect(plan.objectives).toEqual([
      { text: '100% xã, phường tổ chức tuyên truyền về tác hại của ma túy', value: 100, unit: 'percent' },
      { text: 'Không để phát sinh điểm nóng về ma túy', value: null, unit: null },
    ]);
    expect(plan.agencies).toEqual([
      { name: 'Công an tỉnh', tasks: ['Chủ trì mở đợt cao điểm tấn công tội phạm ma túy.'] },
      {
        name: 'Sở Y tế',
        tasks: ['Hướng dẫn xác định tình trạng nghiện.', 'Phối hợp với Sở TN&MT xử lý chất thải y tế.'],
      },
    ]);
    // "ngày31/7": glued, and the year comes from the title.
    expect(plan.deadlines).toEqual([{ what: 'Các đơn vị gửi báo cáo kết quả', to: 'Công an tỉnh', by: '2024-07-31' }]);
  });

  it('reads letter numbering and keeps the cited plan out of the number', () => {
    const plan = parsePlanText(LETTERED);
    expect(plan.number).toBeNull();
    expect(plan.references).toEqual(['90/KH-UBND']);
    expect(plan.issuer).toBe('UBND huyện Sông Mây');
    expect(plan.signer).toBe('Trần Thị Mẫu');
    expect(plan.title).toBe('Kế hoạch triển khai công tác phòng, chống ma túy năm 2025');
    expect(plan.type).toBe('annual');
    expect(plan.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(plan.objectives).toEqual([
      { text: 'Phấn đấu đưa 12 người nghiện vào cơ sở cai nghiện bắt buộc', value: 12, unit: 'count' },
      { text: '95% người nghiện được lập hồ sơ quản lý', value: 95, unit: 'percent' },
    ]);
    expect(plan.agencies).toEqual([
      { name: 'Công an huyện', tasks: ['Rà soát, thống kê người sử dụng trái phép chất ma túy.'] },
      { name: 'Phòng Văn hóa - Xã hội', tasks: ['Hướng dẫn tuyên truyền tại các trường học.'] },
      { name: 'UBND các xã, thị trấn', tasks: ['Quản lý người nghiện tại nơi cư trú.'] },
    ]);
    expect(plan.deadlines).toEqual([{ what: 'Đề nghị các xã báo cáo', to: 'UBND huyện (qua Công an huyện)', by: '2025-12-15' }]);
    expect(plan.funding).toBe('Kinh phí thực hiện từ ngân sách huyện.');
  });

  it('reads a news article: year-less dates, prose assignments, a cited dispatch', () => {
    const plan = parsePlanText(ARTICLE);
    expect(plan.number).toBe('45/KH-UBND');
    expect(plan.references).toEqual(['1234/BCA-C04']);
    expect(plan.date).toBe('2024-03-10');
    expect(plan.issuer).toBe('UBND tỉnh Hải Đăng');
    expect(plan.signer).toBeNull();
    expect(plan.title).toBe('Kế hoạch thực hiện công tác phòng, chống ma túy năm 2024');
    expect(plan.type).toBe('annual');
    expect(plan.theme).toBeNull();
    expect(plan.objectives).toEqual([
      {
        text: 'Thực hiện Công văn số 1234/BCA-C04 của Bộ Công an, kế hoạch đặt mục tiêu 100% trường học được tuyên truyền',
        value: 100,
        unit: 'percent',
      },
    ]);
    expect(plan.agencies).toEqual([{ name: 'Sở Y tế', tasks: ['Chủ trì hướng dẫn xác định tình trạng nghiện'] }]);
    expect(plan.deadlines).toEqual([{ what: 'Các địa phương gửi báo cáo', to: 'Công an tỉnh', by: '2024-06-20' }]);
  });

  it('says nothing about a text that is not a plan', () => {
    expect(parsePlanText('Thông báo lịch họp chi bộ.\nXem chi tiết')).toEqual({
      number: null,
      date: null,
      issuer: null,
      signer: null,
      title: null,
      type: null,
      period: null,
      theme: null,
      references: [],
      objectives: [],
      agencies: [],
      deadlines: [],
      funding: null,
    });
  });
});

/** A plan whose agency headings are printed in capitals, as some provinces do. */
const CAPITAL_HEADINGS = [
  'KẾ HOẠCH',
  'Thực hiện Tháng hành động phòng, chống ma túy năm 2026',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. 100% xã, phường tổ chức tuyên truyền.',
  'II. PHÂN CÔNG NHIỆM VỤ',
  '1. CÔNG AN TỈNH',
  '- Chủ trì mở đợt cao điểm tấn công tội phạm ma túy.',
  '2. SỞ Y TẾ: hướng dẫn xác định tình trạng nghiện.',
  '3. UBND CÁC HUYỆN, THÀNH PHỐ ',
  '- Quản lý người nghiện tại nơi cư trú.',
  '4. CÔNG TÁC TUYÊN TRUYỀN',
  '- Treo băng rôn tại trụ sở.',
  'III. TỔ CHỨC THỰC HIỆN',
  'Các đơn vị gửi báo cáo về Công an tỉnh trước ngày 05/7/2026.',
].join('\n');

describe('parsePlanText: agency headings in capitals', () => {
  it('reads them like mixed-case ones, with the name as written', () => {
    const plan = parsePlanText(CAPITAL_HEADINGS);
    expect(plan.agencies).toEqual([
      { name: 'CÔNG AN TỈNH', tasks: ['Chủ trì mở đợt cao điểm tấn công tội phạm ma túy.'] },
      { name: 'SỞ Y TẾ', tasks: ['Hướng dẫn xác định tình trạng nghiện.'] },
      { name: 'UBND CÁC HUYỆN, THÀNH PHỐ', tasks: ['Quản lý người nghiện tại nơi cư trú.'] },
    ]);
  });

  it.skipIf(!existsSync(SEEDS))('003 with its agency headings in capitals gives the same agencies', async () => {
    const raw = await readFile(path.join(SEEDS, '003_8121a5d30eed3429.txt'), 'utf8');
    const original = parsePlanText(raw);
    const names = new Set(original.agencies.map((a) => a.name));
    const upper = raw
      .split('\n')
      .map((line) => {
        const m = /^(\d\. )(.*?)\s*$/u.exec(line);
        return m?.[2] && names.has(m[2]) ? `${m[1]}${m[2].toUpperCase()}` : line;
      })
      .join('\n');
    const plan = parsePlanText(upper);
    expect(plan.agencies.map((a) => a.name)).toEqual(
      original.agencies.map((a) => (a.name === 'Các sở, ngành có liên quan' ? a.name : a.name.toUpperCase())),
    );
    expect(plan.agencies.map((a) => a.tasks)).toEqual(original.agencies.map((a) => a.tasks));
  });
});

describe('parsePlanText: periods across months', () => {
  const plan = (sentence: string) =>
    parsePlanText(['KẾ HOẠCH', 'Mở đợt cao điểm tấn công trấn áp tội phạm ma túy năm 2023', sentence].join('\n'));
  it.each([
    ['Thời gian thực hiện: từ ngày 15/5 đến ngày 15/7/2023.', '2023-05-15', '2023-07-15'],
    ['Đợt cao điểm diễn ra từ 25/5/2023 đến 30/6/2023.', '2023-05-25', '2023-06-30'],
    ['Thời gian: từ ngày 20 tháng 5 đến ngày 30 tháng 6 năm 2023.', '2023-05-20', '2023-06-30'],
    ['Thời gian: từ ngày 15/5 đến ngày 15/7 (năm trong tên kế hoạch).', '2023-05-15', '2023-07-15'],
    ['Thời gian: từ ngày 20/5 đến hết tháng 6/2023.', '2023-05-20', '2023-06-30'],
    ['Thời gian: từ tháng 5 đến tháng 7 năm 2023.', '2023-05-01', '2023-07-31'],
    ['Thời gian: từ ngày 15/12 đến ngày 15/02/2024.', '2023-12-15', '2024-02-15'],
    ['Kéo dài từ ngày 20/5/2023 cho đến ngày 30/6/2023.', '2023-05-20', '2023-06-30'],
  ])('%s', (sentence, from, to) => {
    expect(plan(sentence).period).toEqual({ from, to });
  });
});

/** The text each highlight of `plan` covers, by field. */
function covered(text: string, plan: ParsedPlan): Map<string, string> {
  const highlights = highlightsOf(text, plan);
  for (const h of highlights) {
    expect(h.start, h.field).toBeGreaterThanOrEqual(0);
    expect(h.end, h.field).toBeLessThanOrEqual(text.length);
    expect(h.start, h.field).toBeLessThan(h.end);
  }
  expect(new Set(highlights.map((h) => h.field)).size).toBe(highlights.length);
  return new Map(highlights.map((h) => [h.field, text.slice(h.start, h.end)]));
}

describe('planSourceText and highlightsOf', () => {
  it.skipIf(!existsSync(SEEDS))('the source text parses as the upload does, on every seed', async () => {
    for (const { file } of seeds) {
      const raw = await readFile(path.join(SEEDS, file), 'utf8');
      const text = planSourceText(raw);
      expect(parsePlanText(text), file).toEqual(parsePlanText(raw));
      expect(planSourceText(text), file).toBe(text);
    }
  });

  it('the source text parses as the upload does, on the damaged variants', () => {
    for (const raw of [GLUED_TABLE, LETTERED, ARTICLE, CAPITAL_HEADINGS]) {
      const text = planSourceText(raw);
      expect(text).not.toContain('\r');
      expect(parsePlanText(text)).toEqual(parsePlanText(raw));
    }
  });

  it.skipIf(!existsSync(SEEDS))('003: marks the agencies, the deadline, the period and the cited dispatch', async () => {
    const text = planSourceText(await readFile(path.join(SEEDS, '003_8121a5d30eed3429.txt'), 'utf8'));
    const plan = parsePlanText(text);
    const marks = covered(text, plan);
    expect(marks.get('agencies.0.name')).toBe('Công an tỉnh');
    expect(marks.get('agencies.8.name')).toBe('UBND các huyện, thị xã, thành phố');
    expect(marks.get('deadlines.0')).toContain('05/7/2022');
    expect(marks.get('period')).toBe('Từ ngày 01/6/2022 đến ngày 30/6/2022');
    expect(marks.get('references.0')).toBe('3042/VPCP-KGVX');
    expect(marks.get('theme')).toBe(plan.theme);
    expect(marks.get('agencies.0.tasks.1')).toBe(plan.agencies[0]?.tasks[1]);
    // Every agency and every task was found again.
    plan.agencies.forEach((agency, i) => {
      expect(marks.has(`agencies.${i}.name`)).toBe(true);
      for (const m of agency.tasks.keys()) {
        expect(marks.has(`agencies.${i}.tasks.${m}`), `agencies.${i}.tasks.${m}`).toBe(true);
      }
    });
    // The agency's mark is its heading, not an earlier mention.
    const heading = text.indexOf('1. Công an tỉnh') + 3;
    expect(highlightsOf(text, plan).find((h) => h.field === 'agencies.0.name')?.start).toBe(heading);
  });

  it('marks every field of a damaged official plan where it is written', () => {
    const text = planSourceText(GLUED_TABLE);
    const marks = covered(text, parsePlanText(text));
    expect(Object.fromEntries(marks)).toEqual({
      number: '77/KH-UBND',
      date: 'ngày 15 tháng 5 năm 2024',
      issuer: 'UBND TỈNH HẢI ĐĂNG',
      signer: 'Nguyễn Văn Giả',
      title: 'KẾ HOẠCH\nTHỰC HIỆN THÁNG HÀNH ĐỘNG PHÒNG, CHỐNG MA TÚY NĂM 2024',
      'references.0': '12/KH-BCĐ',
      'objectives.0': '100% xã, phường tổ chức tuyên truyền về tác hại của ma túy',
      'objectives.1': 'Không để phát sinh điểm nóng về ma túy',
      'agencies.0.name': 'Công an tỉnh',
      'agencies.0.tasks.0': 'chủ trì mở đợt cao điểm tấn công tội phạm ma túy.',
      'agencies.1.name': 'Sở Y tế',
      'agencies.1.tasks.0': 'Hướng dẫn xác định tình trạng nghiện.',
      'agencies.1.tasks.1': 'Phối hợp với Sở TN&MT xử lý chất thải y tế.',
      'deadlines.0': 'trước ngày 31/7',
    });
  });

  it("marks capital headings, an article's year-less dates and prose assignments", () => {
    const capitals = planSourceText(CAPITAL_HEADINGS);
    const capitalMarks = covered(capitals, parsePlanText(capitals));
    expect(capitalMarks.get('agencies.1.name')).toBe('SỞ Y TẾ');
    expect(capitalMarks.get('agencies.1.tasks.0')).toBe('hướng dẫn xác định tình trạng nghiện.');
    expect(capitalMarks.get('deadlines.0')).toBe('trước ngày 05/7/2026');

    const article = planSourceText(ARTICLE);
    const marks = covered(article, parsePlanText(article));
    expect(marks.get('date')).toBe('Ngày 10/3');
    expect(marks.get('number')).toBe('45/KH-UBND');
    expect(marks.get('issuer')).toBe('UBND tỉnh Hải Đăng');
    expect(marks.get('agencies.0.name')).toBe('Sở Y tế');
    expect(marks.get('agencies.0.tasks.0')).toBe('chủ trì hướng dẫn xác định tình trạng nghiện');
    expect(marks.get('deadlines.0')).toBe('trước ngày 20/6');
    expect(marks.get('period')).toBe('năm 2024');
  });

  it('marks a period written across months, and leaves out what is not in the text', () => {
    const text = planSourceText('KẾ HOẠCH\nMở đợt cao điểm năm 2023\nThời gian: từ ngày 15/5 đến ngày 15/7/2023.');
    const plan = parsePlanText(text);
    expect(covered(text, plan).get('period')).toBe('từ ngày 15/5 đến ngày 15/7/2023');
    const invented: ParsedPlan = {
      ...plan,
      number: '999/KH-KHONGCO',
      signer: 'Người Không Có',
      deadlines: [{ what: 'x', to: null, by: '2023-08-01' }],
    };
    const fields = highlightsOf(text, invented).map((h) => h.field);
    expect(fields).not.toContain('number');
    expect(fields).not.toContain('signer');
    expect(fields).not.toContain('deadlines.0');
  });
});

describe('npm run pcmt -- plan parse', () => {
  it('prints exactly the contract as JSON, without a database', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pcmt-plan-'));
    try {
      const file = path.join(dir, 'ke-hoach.txt');
      await writeFile(file, GLUED_TABLE, 'utf8');
      const result = await runTs('src/server/cli/main.ts', ['plan', 'parse', file, '--json'], {
        // A database URL that cannot work: the command must not open it.
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        DATA_DIR: path.join(dir, 'no-data'),
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(Object.keys(json)).toEqual([...PARSED_PLAN_KEYS]);
      expect(json).toEqual(parsePlanText(GLUED_TABLE));
      expect(existsSync(path.join(dir, 'no-data'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
