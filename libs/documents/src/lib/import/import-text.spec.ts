import type { Block, HeadingBlock, Run } from '@trinhky/domain';
import { importPlainText } from './import-text';

/** Wraps an excerpt of a seed's body in the minimal frame the importer expects. */
function report(body: string): string {
  return [
    'ỦY BAN NHÂN DÂN',
    'PHƯỜNG 2',
    'Số: 15/BC-UBND',
    'BÁO CÁO',
    'Tổng kết công tác cải cách hành chính',
    'Thực hiện Kế hoạch của UBND thị xã, UBND phường báo cáo như sau:',
    body,
    'Trên đây là báo cáo của UBND Phường 2./.',
    'Nơi nhận:',
    '- Lưu: VT, VP.',
    'TM. ỦY BAN NHÂN DÂN',
    'CHỦ TỊCH',
    'Lê Thanh Bình',
  ].join('\n');
}

const SEPARATOR = ' '.repeat(43);
const text = (b: { runs: Run[] }) => b.runs.map((r) => r.text).join('');

function headings(blocks: Block[], level: HeadingBlock['level'], out: HeadingBlock[] = []): HeadingBlock[] {
  for (const b of blocks) {
    if (b.type !== 'heading') continue;
    if (b.level === level) out.push(b);
    headings(b.children, level, out);
  }
  return out;
}

function footnoted(blocks: Block[], out: { block: Block; run: Run }[] = []): { block: Block; run: Run }[] {
  for (const b of blocks) {
    if (b.type === 'table') continue;
    for (const run of b.runs) if (run.footnote) out.push({ block: b, run });
    if (b.type === 'heading') footnoted(b.children, out);
  }
  return out;
}

describe('importPlainText: lettered points', () => {
  // Seed 003, II.1.1: long point titles (over the 220 characters of a numbered paragraph), the first one
  // wrapped across a page whose footnote block stands in the middle of the sentence.
  const excerpt = [
    'II. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN',
    '1. Cải cách thể chế ',
    '1.1. Kết quả chủ yếu đã đạt được ',
    'a) Về tình hình triển khai xây dựng, hoàn thiện hệ thống pháp luật thuộc phạm ',
    'vi trách nhiệm của tỉnh trên cơ sở Luật Tổ chức chính quyền địa phương; Luật cán ',
    'bộ, công chức, viên chức và Hiến pháp (trọng tâm là hoàn thiện thể chế kinh tế thị ',
    SEPARATOR,
    '1 Năm 2023 đạt 01 giải Nhất tập thể, 01 giải Nhất cá nhân; năm 2024, đạt 01 giải Nhất, 02 giải Nhì và 01 giải Ba. ',
    ' trường định hướng xã hội chủ nghĩa). ',
    'Từ năm 2021 đến tháng 4 năm 2025, HĐND và UBND phường không ban ',
    'hành văn bản quy phạm pháp luật. ',
    'b) Nâng cao chất lượng công tác xây dựng pháp luật: Việc tuân thủ quy trình xây ',
    'dựng pháp luật và đổi mới, hoàn thiện quy trình lập pháp, lập quy; công tác kiểm tra, ',
    'rà soát văn bản quy phạm pháp luật. ',
    'c) Đổi mới, nâng cao chất lượng, hiệu quả thực thi pháp luật: Công tác tổ chức ',
    'thi hành pháp luật; năng lực phản ứng chính sách; công tác kiểm tra, theo dõi, đánh ',
    'giá việc thi hành pháp luật; công tác phổ biến, giáo dục pháp luật; công  tác tăng ',
    'cường vai trò của người dân, doanh nghiệp, các tổ chức chính trị - xã hội - nghề ',
    'nghiệp và cộng đồng trong phản biện và giám sát thi hành pháp luật.  ',
    '- Công tác theo dõi thi hành pháp luật được quan tâm tổ chức thực hiện. ',
    ' d) Việc đổi mới thực hiện cơ chế một cửa, một cửa liên thông theo Quyết định số ',
    '468/QĐ-TTg ngày 27/3/2021 của Thủ tướng Chính phủ và các văn bản chỉ đạo của ',
    'Chính phủ, Thủ tướng Chính phủ, của UBND tỉnh, Chủ tịch UBND tỉnh có liên quan ',
    'đến thực hiện cơ chế một cửa, cơ chế một cửa liên thông: ',
    'e) Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về giải quyết TTHC. ',
    'g) Công tác truyền thông và sáng kiến, mô hình, giải pháp cải cách TTHC. ',
  ].join('\n');

  it('recognises long points as point headings, with their text under them', () => {
    const r = importPlainText(report(excerpt));
    const points = headings(r.document.body, 'point');
    expect(points.map((p) => p.label)).toEqual(['a)', 'b)', 'c)', 'd)', 'e)', 'g)']);
    const [a, , c, d] = points;
    expect(text(a)).toBe(
      'Về tình hình triển khai xây dựng, hoàn thiện hệ thống pháp luật thuộc phạm vi trách nhiệm của tỉnh trên cơ sở Luật Tổ chức chính quyền địa phương; Luật cán bộ, công chức, viên chức và Hiến pháp (trọng tâm là hoàn thiện thể chế kinh tế thị trường định hướng xã hội chủ nghĩa).',
    );
    expect(a.children.map((b) => b.type === 'paragraph' && text(b))).toEqual([
      'Từ năm 2021 đến tháng 4 năm 2025, HĐND và UBND phường không ban hành văn bản quy phạm pháp luật.',
    ]);
    expect(text(c)).toMatch(/^Đổi mới, nâng cao chất lượng.*giám sát thi hành pháp luật\.$/u);
    // " d)" (leading space) after the end of a sentence; e) follows d) (the seed has no đ)).
    expect(text(d)).toMatch(/^Việc đổi mới thực hiện cơ chế một cửa.*liên thông:$/u);
    expect(r.stats.points).toBe(6);
  });

  it('keeps wrapped or out-of-sequence "x)" lines in their paragraph', () => {
    const r = importPlainText(
      report(
        [
          'I. CÔNG TÁC CHỈ ĐẠO',
          '1. Cải cách thể chế',
          'UBND phường thực hiện việc rà soát theo quy định tại điểm',
          'b) khoản 2 Điều 5 Nghị định số 63/2010/NĐ-CP, không phát sinh văn bản trái quy định.',
          'Kết quả kiểm tra được công khai trên Trang thông tin điện tử phường.',
          'c) Các nội dung khác thực hiện theo Kế hoạch số 149/KH-UBND của UBND thị xã.',
        ].join('\n'),
      ),
    );
    expect(headings(r.document.body, 'point')).toEqual([]);
    const item = headings(r.document.body, 'item')[0];
    expect(item.children.map((b) => b.type === 'paragraph' && text(b))).toEqual([
      'UBND phường thực hiện việc rà soát theo quy định tại điểm b) khoản 2 Điều 5 Nghị định số 63/2010/NĐ-CP, không phát sinh văn bản trái quy định.',
      'Kết quả kiểm tra được công khai trên Trang thông tin điện tử phường.',
      'c) Các nội dung khác thực hiện theo Kế hoạch số 149/KH-UBND của UBND thị xã.',
    ]);
  });

  it('reads "a." and "b-" points in sequence as "a)", "b)"', () => {
    const r = importPlainText(
      report(
        [
          'I. CÔNG TÁC CHỈ ĐẠO',
          '4. Đánh giá chung về công tác triển khai',
          'a. Mặt tích cực đạt được',
          '- Công tác CCHC của phường luôn được sự quan tâm đặc biệt của Đảng ủy, HĐND.',
          'b- Tồn tại, hạn chế',
          'Một số ban ngành, công chức chưa có sự vào cuộc.',
        ].join('\n'),
      ),
    );
    const points = headings(r.document.body, 'point');
    expect(points.map((p) => [p.label, text(p)])).toEqual([
      ['a)', 'Mặt tích cực đạt được'],
      ['b)', 'Tồn tại, hạn chế'],
    ]);
    expect(points[1].children).toEqual([{ type: 'paragraph', runs: [{ text: 'Một số ban ngành, công chức chưa có sự vào cuộc.' }] }]);
  });
});

describe('importPlainText: footnote markers', () => {
  // Seed 003 (notes renumbered 1–4): markers glued to an abbreviation ("TTHC9."), to a percentage
  // ("98%10.", "55%12.") and to a year ("4/202511:").
  const excerpt = [
    'II. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN',
    '2. Cải cách thủ tục hành chính',
    'Thực hiện Nghị quyết số 1686/NQ-UBTVQH1 ngày 16/6/2025, các thủ tục hành chính trên đều đảm bảo hợp lý, hợp pháp, phù ',
    'hợp, thuận lợi cho người dân, doanh nghiệp trong quá trình thực hiện thủ tục hành ',
    'chính; đồng thời đề xuất cắt giảm, đơn giản hóa đối với 02 TTHC1.  ',
    SEPARATOR,
    '1 Lĩnh vực Bảo trợ xã hội: Thủ tục Đổi, cấp lại giấy xác nhận khuyết tật (mã TT 1.001653.000.00.00.H50): Đề xuất ',
    'giảm thời gian giải quyết từ 05 ngày làm việc xuống còn 03 ngày làm việc. ',
    ' Có 128 DVCTT một phần và toàn trình được UBND phường áp dụng, trong đó ',
    'phát sinh hồ sơ 20 thủ tục. Có 395 hồ sơ dịch vụ công trực tuyến toàn trình/ 575 ',
    'hồ sơ tiếp nhận, đạt 69,21%. Có 12.155 hồ sơ dịch vụ công trực tuyến một ',
    'phần/12.405 hồ sơ tiếp nhận, đạt 98%2.  ',
    SEPARATOR,
    '2 Kết quả cung cấp dịch vụ công trực tuyến qua các năm: ',
    ' - Kết quả giải quyết TTHC từ năm 2021 đến tháng 4/20253:   ',
    '+ Tổng số hồ sơ đã tiếp nhận: 13.246 hồ sơ. ',
    SEPARATOR,
    '3 Kết quả giải quyết hồ sơ TTHC qua các năm: ',
    ' tử/8.587 số hồ sơ TTHC thuộc thẩm quyền giải quyết có quy định trả kết quả giải ',
    'quyết bằng văn bản, giấy tờ, đạt tỷ lệ 55%4. ',
    'e) Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về giải quyết TTHC. ',
    SEPARATOR,
    '4 Kết quả số hóa qua các năm: ',
    ' Thực hiện Nghị định số 20/2008/NĐ-CP ngày 14/02/2008 của Chính phủ.',
  ].join('\n');

  it("attaches each note at its marker, on the note's page", () => {
    const r = importPlainText(report(excerpt));
    expect(r.stats.footnotes).toBe(4);
    expect(r.stats.footnotesAttached).toBe(4);
    const notes = footnoted(r.document.body);
    expect(notes.map(({ run }) => [run.text.slice(-20), run.footnote?.slice(0, 30)])).toEqual([
      [' hóa đối với 02 TTHC', 'Lĩnh vực Bảo trợ xã hội: Thủ t'],
      ['ơ tiếp nhận, đạt 98%', 'Kết quả cung cấp dịch vụ công '],
      ['021 đến tháng 4/2025', 'Kết quả giải quyết hồ sơ TTHC '],
      ['ấy tờ, đạt tỷ lệ 55%', 'Kết quả số hóa qua các năm:'],
    ]);
    // The identifier "UBTVQH1" is not note 1; the marker's digits leave the text.
    const first = notes[0].block;
    expect(text(first as { runs: Run[] })).toContain('1686/NQ-UBTVQH1 ngày');
    expect(text(first as { runs: Run[] })).toMatch(/02 TTHC\.$/u);
    expect(r.unplaced).toEqual([]);
  });

  it('reports a note whose marker cannot be found, attached to the block before it', () => {
    const r = importPlainText(
      report(
        [
          'I. CÔNG TÁC CHỈ ĐẠO',
          '1. Công tác chỉ đạo, điều hành',
          'UBND phường đã ban hành Kế hoạch cải cách hành chính giai đoạn 2021-2025.',
          'Các nhiệm vụ được giao cụ thể cho từng công chức.',
          SEPARATOR,
          '1 Quyết định số 1069/QĐ-UBND ngày 31/12/2021.',
          ' Công tác kiểm tra được quan tâm.',
        ].join('\n'),
      ),
    );
    expect(r.stats.footnotesAttached).toBe(0);
    const notes = footnoted(r.document.body);
    expect(notes).toHaveLength(1);
    expect(text(notes[0].block as { runs: Run[] })).toBe('Các nhiệm vụ được giao cụ thể cho từng công chức.');
    expect(r.unplaced).toEqual([expect.objectContaining({ line: 12, text: '1 Quyết định số 1069/QĐ-UBND ngày 31/12/2021.' })]);
  });
});
