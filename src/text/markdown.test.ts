import { describe, expect, it } from "vitest";
import { looksLikeMarkdown, markdownToText, stripEmphasis } from "./markdown.js";

describe("stripEmphasis", () => {
  it.each([
    ["TH****Ủ TƯỚNG", "THỦ TƯỚNG", "empty bold splitting a word"],
    ["**Điều 1. **Phê", "Điều 1. Phê", "bold closing after a space"],
    ["*Nơi nhận:*", "Nơi nhận:", "italics"],
    ["***Nơi nhận:\\***", "Nơi nhận:", "pandoc hard break before the closing ***"],
    ["\\***", "*", "an escaped star (the Party star) then a closing **"],
    ["kinh tế \\- xã hội", "kinh tế - xã hội", "escaped hyphen"],
    ["1\\. Sắp xếp", "1. Sắp xếp", "escaped dot after a number"],
    ["C:\\\\Văn bản", "C:\\Văn bản", "escaped backslash"],
    ["TỔNG BÍ THƯ\\", "TỔNG BÍ THƯ", "hard break at the line end"],
    ["Tổ chức (*)", "Tổ chức (*)", "the footnote mark stays"],
    ["* Về công tác", "* Về công tác", "a star bullet stays"],
    ["__Căn cứ__", "Căn cứ", "underscore bold"],
    ["_Kính gửi_", "Kính gửi", "underscore italics"],
    ["Số: ______/QĐ", "Số: ______/QĐ", "a fill-in blank stays"],
    ["file_goc_2025", "file_goc_2025", "underscores inside a word stay"],
  ])("%s → %s (%s)", (input, want) => {
    expect(stripEmphasis(input)).toBe(want);
  });
});

// Shapes of real renderings in the corpus, a few lines each.
describe("markdownToText", () => {
  it.each([
    [
      "| ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n|---|---|\n| Số: 986/QĐ-UBND | Tuyên Quang, ngày 13 tháng 8 năm 2024 |",
      "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 986/QĐ-UBND\nTuyên Quang, ngày 13 tháng 8 năm 2024",
      "two-column pipe header: a cell a line, separator row dropped, rules apart from text",
    ],
    [
      "| BAN CHẤP HÀNH TRUNG ƯƠNG\n\\-------- | ĐẢNG CỘNG SẢN VIỆT NAM\n\\--------------- |\n| :---- | :---- |\n| Số: 20-NQ/TW | *Hà Nội, ngày 01 tháng 11 năm 2012* |",
      "BAN CHẤP HÀNH TRUNG ƯƠNG\n--------\nĐẢNG CỘNG SẢN VIỆT NAM\n---------------\nSố: 20-NQ/TW\nHà Nội, ngày 01 tháng 11 năm 2012",
      "pipe table whose cells break across lines (p209 shape)",
    ],
    [
      "  ----------------------- -----------------------------------------------\n    **ỦY BAN THƯỜNG VỤ\\        **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\\n         QUỐC HỘI\\                 Độc lập - Tự do - Hạnh phúc\\\n     \\-\\-\\-\\-\\-\\-\\--**            \\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\-\\--**\n\n   Số: 1670/NQ-UBTVQH15         *Hà Nội, ngày 16 tháng 6 năm 2025*\n  ----------------------- -----------------------------------------------",
      "ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 1670/NQ-UBTVQH15\nHà Nội, ngày 16 tháng 6 năm 2025",
      "pandoc multiline table: left cell's lines, then the right cell's",
    ],
    [
      "+-------------------------------+:------------------------------------:+\n| ***Nơi nhận:\\***              | **TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\\     |\n| - Chính phủ;\\                 | CHỦ TỊCH\\                            |\n| - Lưu: HC, PLTP.              | Trần Thanh Mẫn**                     |\n+-------------------------------+--------------------------------------+",
      "Nơi nhận:\n- Chính phủ;\n- Lưu: HC, PLTP.\nTM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ TỊCH\nTrần Thanh Mẫn",
      "pandoc grid table of the signature block",
    ],
    [
      "|\n**ỦY BAN NHÂN\nDÂN**\n**TỈNH BẮC NINH**\n--------\n|\n**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**",
      "ỦY BAN NHÂN\nDÂN\nTỈNH BẮC NINH\n--------\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM",
      "website rendering: lone pipes dropped, bold across lines",
    ],
    [
      "# QUYẾT ĐỊNH\n## Về việc phê duyệt ##\n> Căn cứ Luật",
      "QUYẾT ĐỊNH\nVề việc phê duyệt\nCăn cứ Luật",
      "heading hashes and quote marks",
    ],
    [
      "Xem [Nghị định 30/2020/NĐ-CP](https://vbpl.vn/x) ![logo](a.png) tại <https://chinhphu.vn>",
      "Xem Nghị định 30/2020/NĐ-CP  tại https://chinhphu.vn",
      "links keep their text, images go",
    ],
    [
      "Dòng một<br>Dòng hai <span class='x'>đậm</span> <!-- ghi chú -->\n<!--\nnhiều dòng\n-->\nTiếp",
      "Dòng một\nDòng hai đậm\nTiếp",
      "HTML tags and comments dropped, <br> breaks",
    ],
    [
      "Căn cứ Nghị quyết[^1];\n\n[^1]: Nghị quyết số 18-NQ/TW ngày 25/10/2017.",
      "Căn cứ Nghị quyết[1];\n\n[1] Nghị quyết số 18-NQ/TW ngày 25/10/2017.",
      "footnote text kept",
    ],
    [
      "*Nơi nhận:*\n- Như trên;\n- Lưu: VT.\n+ LĐVP, TPKTTH;",
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n+ LĐVP, TPKTTH;",
      "list items are content",
    ],
    [
      "ĐẢNG ỦY XÃ CÔNG HẢI\n***\nSố: 02-QĐ/ĐU\n** **",
      "ĐẢNG ỦY XÃ CÔNG HẢI\n*\nSố: 02-QĐ/ĐU\n",
      "the Party star as ***; an empty bold",
    ],
    [
      '---\nso_hieu: "100-CV/ĐU"\nnam: "2025"\n---\n# CV đôn đốc\n```text\nĐẢNG BỘ TỈNH KHÁNH HOÀ\n*\nSố -CV/ĐU\n```',
      "CV đôn đốc\nĐẢNG BỘ TỈNH KHÁNH HOÀ\n*\nSố -CV/ĐU",
      "front matter dropped, fenced text kept verbatim",
    ],
    ["Giá &lt; 5% &amp; ổn&nbsp;định", "Giá < 5% & ổn\u00a0định", "entities"],
  ])("%#: %s", (input, want) => {
    expect(markdownToText(input)).toBe(want);
  });
});

describe("looksLikeMarkdown", () => {
  it.each([
    ["# CV đôn đốc\n\n**Số hiệu:** 100-CV/ĐU", true, "heading and bold"],
    ["---\nstt: 219\n---\n# Tiêu đề", true, "front matter and heading"],
    [
      "ĐẢNG BỘ TỈNH LÀO CAI      ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 2449 -CV/ĐU",
      false,
      "plain text with the Party star",
    ],
    ["- Như trên;\n- Lưu: VT.", false, "a dash list alone is plain text"],
  ])("%j → %s (%s)", (text, want) => {
    expect(looksLikeMarkdown(text)).toBe(want);
  });
});

describe("markdownToText stays linear on hostile lines", () => {
  const MB = 1_000_000;
  it.each([
    ["a long run of spaces before a rule-like token", `${" ".repeat(MB)}---x`],
    ["a heading with a long run of spaces", `# ${" ".repeat(MB)}#x`],
    ["emphasis markers only", "*_".repeat(MB / 2)],
    ["unclosed links", "[a](".repeat(MB / 4)],
    ["unclosed tags", "<a ".repeat(MB / 3)],
    ["a row of a million cells", "| x ".repeat(MB / 4)],
    ["a dash table with a long rule", `  ${"-".repeat(MB)} ---\nx\n${"-".repeat(MB)}x`],
  ])("%s", (_reason, line) => {
    const t0 = performance.now();
    markdownToText(line);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
