import { checkReportText } from './check-report';

const check = (text: string) => checkReportText(text).findings;
const rules = (text: string) => check(text).map((f) => [f.line, f.rule]);

describe('narrative rules (one class of problem each, wording other communes use)', () => {
  it('a stated rate against its fraction, after or before it, rounding and truncation accepted', () => {
    expect(rules('- Giải quyết đúng hạn 1.234/1.240 hồ sơ, đạt 99,51%.')).toEqual([]);
    expect(rules('- Giải quyết đúng hạn 1.234/1.240 hồ sơ, đạt 99,52%.')).toEqual([]); // 99,516 rounded
    expect(rules('- Tỷ lệ đúng hạn đạt 99,61% (1.234/1.240 hồ sơ).')).toEqual([[1, 'rate']]);
    expect(check('a\n- Có 50 hồ sơ trực tuyến/ 80 hồ sơ tiếp nhận, đạt 65%.')[0]).toMatchObject({
      line: 2,
      message: 'Tỷ lệ ghi 65% nhưng 50/80 = 62,50 % (lệch 2,50 điểm)',
    });
  });
  it('dates, document numbers, years and levels are not fractions', () => {
    expect(
      rules(
        '- Kế hoạch số 09/KH-UBND ngày 31/7/2025, đạt 100%. Đến 31/3 đạt 80%. Tháng 7/2025 đạt 50%. Nghị định 150/2025/NĐ-CP, đạt 10%.',
      ),
    ).toEqual([]);
    expect(rules('- Có 82 DVCTT (DVCTT mức độ 3 và mức độ 4 / 124 TTHC) đạt tỷ lệ 66,12%.')).toEqual([]);
  });
  it('received = resolved + pending across bullets, with the difference', () => {
    const f = check(
      '+ Tổng số hồ sơ tiếp nhận: 1.000 hồ sơ.\n+ Tổng số hồ sơ đã giải quyết: 900 hồ sơ.\n+ Tổng số hồ sơ chưa giải quyết (trong hạn): 90 hồ sơ.',
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      line: 1,
      rule: 'flow',
      message: 'Đã giải quyết 900 + đang giải quyết 90 = 990, khác tổng tiếp nhận 1.000 (lệch 10)',
    });
    expect(f[0].figures.map((x) => x.line)).toEqual([1, 2, 3]);
    expect(
      rules('+ Tổng số hồ sơ tiếp nhận: 1.000 hồ sơ.\n+ Tổng số hồ sơ đã giải quyết: 910 hồ sơ.\n+ Hồ sơ đang giải quyết: 90 hồ sơ.'),
    ).toEqual([]);
  });
  it('a new passage (numbered heading) ends the received passage', () => {
    expect(rules('- Hồ sơ đã tiếp nhận: 100 hồ sơ.\n3. Cải cách tổ chức bộ máy\n- Hồ sơ đã giải quyết: 120 hồ sơ.')).toEqual([]);
  });
  it('carried-over files listed inside the received total are not added twice', () => {
    const t =
      '+ Tổng số hồ sơ đã tiếp nhận: 110 hồ sơ; trong đó có: 100 hồ sơ trực tuyến; 10 hồ sơ kỳ trước chuyển qua. Tổng số hồ sơ đã giải quyết: 100 hồ sơ; đang giải quyết trong hạn: 20 hồ sơ.';
    expect(rules(t)).toEqual([[1, 'flow']]);
    expect(rules(t.replace('20 hồ sơ.', '10 hồ sơ.'))).toEqual([]);
  });
  it('"trong đó" parts: a part above its total is an error, a sum that differs only a warning', () => {
    expect(rules('- Tổng số hồ sơ đã giải quyết: 263 hồ sơ, trong đó: đúng hạn: 264 hồ sơ đạt tỷ lệ 100%.')).toEqual([[1, 'part-of']]);
    expect(check('- Tổng số TTHC: 383. Trong đó 380 TTHC cấp xã và 13 TTHC liên thông.').map((f) => f.severity)).toEqual(['warning']);
    expect(rules('- Tổng số TTHC: 383. Trong đó 380 TTHC cấp xã và 03 TTHC liên thông.')).toEqual([]);
    // parts in another unit than the total are not its parts
    expect(rules('- Số DVCTT có phát sinh hồ sơ: 31 thủ tục; trong đó: toàn trình: 1.100 hồ sơ; một phần: 701 hồ sơ.')).toEqual([]);
  });
  it('a rate inside the parts is held to part / total', () => {
    expect(
      rules(
        '- Tổng số hồ sơ đã tiếp nhận: 200 hồ sơ; trong đó có: 50 hồ sơ trực tiếp, đạt tỷ lệ 25%; 150 hồ sơ trực tuyến, đạt tỷ lệ 70%.',
      ),
    ).toEqual([[1, 'rate']]);
  });
  it('"+" sub-bullets under "- X: N" add up to N', () => {
    expect(
      check('- Hồ sơ đã giải quyết: 100 hồ sơ\n- + Trước hạn: 60 hồ sơ.\n- + Đúng hạn: 30 hồ sơ.').map((f) => [f.line, f.severity]),
    ).toEqual([[1, 'warning']]);
    expect(rules('- Hồ sơ đã giải quyết: 100 hồ sơ\n- + Trước hạn: 60 hồ sơ.\n- + Đúng hạn: 40 hồ sơ.')).toEqual([]);
  });
  it('"Tổng số X …" under "Tổng số X": part ≤ total and its rate', () => {
    expect(rules('+ Tổng số hồ sơ đã giải quyết: 500 hồ sơ. Tổng số hồ sơ đã giải quyết đúng hạn: 450 hồ sơ, đạt tỷ lệ 95%.')).toEqual([
      [1, 'rate'],
    ]);
  });
});

describe('annex rules by shape (an annex not in any catalogue)', () => {
  const annex = (rows: string) =>
    `BÁO CÁO\nNội dung\nNơi nhận:\n- Lưu: VT.\nPhụ lục\nTHỐNG KÊ SỐ LIỆU KHÁC\nSTT Chỉ tiêu Năm 2023 Năm 2024\n${rows}`;
  it('a rate row over its two count rows', () => {
    expect(rules(annex('1 Tỷ lệ hồ sơ đúng hạn 90% 95%\n1.1 Tổng số hồ sơ 100 200\n1.2 Số hồ sơ đúng hạn 90 150'))).toEqual([[8, 'rate']]);
  });
  it('a coded answer outside its list', () => {
    const f = check(annex('1 Tổ chức hội nghị (Có = 1; Không = 0) 1 2'));
    expect(f.map((x) => [x.line, x.rule])).toEqual([[8, 'code-list']]);
    expect(f[0].message).toMatch(/^Năm 2024: /u);
  });
  it('a "Trong đó" row above its parent', () => {
    expect(rules(annex('1 Số cán bộ được đào tạo 10 12\n1.1 Trong đó: nữ 4 15'))).toEqual([[9, 'part-of']]);
  });
});
