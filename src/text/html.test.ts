import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { declaredCharset, htmlToText, readHtml } from "./html.js";

// The shape of a Word page saved as HTML (p207.htm, b202.html): header table, paragraphs, entities.
const PAGE = `<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<title>KH 16</title><style>p.MsoNormal {margin:0}</style><script>var x = "<b>menu</b>";</script></head>
<body><noscript>Bật JavaScript</noscript>
<table><tr><td><p class=MsoNormal><b>ỦY BAN MTTQ VIỆT NAM</b></p><p>XÃ LƯƠNG MINH</p></td>
<td><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc</p></td></tr>
<tr><td>Số: 16/KH-MTTQ-BTT</td><td><i>Lương Minh, ngày 18 tháng 11 năm 2025</i></td></tr></table>
<h1>KẾ HOẠCH</h1><p>Căn cứ <a href="/luat">Luật Bầu cử</a> &amp; Luật Mặt trận;&nbsp;Kế hoạch số 16</p>
<ul><li>Như trên;</li><li>Lưu: VT.</li></ul><img src="seal.png" alt="dấu"></body></html>`;

describe("htmlToText", () => {
  const text = htmlToText(PAGE);
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  it.each([
    ["ỦY BAN MTTQ VIỆT NAM", "first header cell"],
    ["XÃ LƯƠNG MINH", "paragraph in a cell"],
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "second cell, before its <br>"],
    ["Độc lập - Tự do - Hạnh phúc", "after the <br>"],
    ["Số: 16/KH-MTTQ-BTT", "second row"],
    ["Lương Minh, ngày 18 tháng 11 năm 2025", "cell of the second row"],
    ["KẾ HOẠCH", "heading keeps its case"],
    [
      "Căn cứ Luật Bầu cử & Luật Mặt trận;\u00a0Kế hoạch số 16",
      "link text without its URL, entities decoded",
    ],
    ["- Như trên;", "list item"],
  ])("has the line %j (%s)", (line) => {
    expect(lines).toContain(line);
  });
  it.each([
    ["var x", "script"],
    ["MsoNormal", "style"],
    ["KH 16", "head title"],
    ["JavaScript", "noscript"],
    ["<", "tags"],
    ["seal.png", "image"],
  ])("drops %j (%s)", (fragment) => {
    expect(text).not.toContain(fragment);
  });
});

describe("readHtml charset", () => {
  it.each<[string, string | undefined, string]>([
    ['<meta charset="utf-8">', "utf-8", "HTML5 meta"],
    [
      '<meta http-equiv=Content-Type content="text/html; charset=windows-1252">',
      "windows-1252",
      "HTTP-equiv meta",
    ],
    ["<p>no meta</p>", undefined, "none"],
  ])("%s → %s (%s)", (head, want) => {
    expect(declaredCharset(new TextEncoder().encode(`<html><head>${head}</head></html>`))).toBe(want);
  });

  it("decodes an 8-bit page in its declared charset", () => {
    const html =
      '<html><head><meta charset="windows-1252"></head><body><p>L\u00ea V\u0103n</p></body></html>';
    const bytes = new Uint8Array(iconv.encode(html.replace("\u0103", "&#259;"), "windows-1252"));
    const out = readHtml(bytes);
    expect(out.encoding).toBe("windows-1252");
    expect(out.text.trim()).toBe("Lê Văn");
  });

  it("reads UTF-8 even when the page claims windows-1252", () => {
    const bytes = new TextEncoder().encode('<meta charset="windows-1252"><p>Quyết định</p>');
    expect(readHtml(bytes).text.trim()).toBe("Quyết định");
  });
});

describe("htmlToText on deep and odd markup", () => {
  it("streams 50 000 nested <div> without a recursive walk", () => {
    const html = `${"<div>".repeat(50_000)}Số 12/UBND${"</div>".repeat(50_000)}`;
    expect(htmlToText(html)).toBe("Số 12/UBND");
  });
  it.each([
    ["<ol><li>Như trên;</li><li>Lưu: VT.</li></ol>", "1. Như trên;\n2. Lưu: VT.", "numbered list"],
    ["<p>&nbsp;</p><p>Kính gửi</p>", "Kính gửi", "Word's empty paragraph"],
    ["<pre>Số: 12\n  Ngày 1</pre>", "Số: 12\n  Ngày 1", "pre keeps its lines"],
    ["<p>a<br><br>b</p>", "a\n\nb", "two <br> leave a blank line"],
    ["<p>Căn cứ <!-- ghi chú --> Luật</p>", "Căn cứ Luật", "comment dropped"],
  ])("%j → %j (%s)", (html, want) => {
    expect(htmlToText(html)).toBe(want);
  });
});
