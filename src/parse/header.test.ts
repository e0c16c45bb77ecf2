import { describe, expect, it } from "vitest";
import { parseText } from "./index.js";

/** Reads a short real-shaped document and returns its first record. */
const read = (text: string) => parseText(text, "t")[0]!;

describe("header (NĐ 30/2020 ô 1–5, HD 36-HD/VPTW)", () => {
  it.each([
    [
      "State công văn: issuer over two lines, V/v subject wrapped, Kính gửi",
      "ỦY BAN NHÂN DÂN\nHUYỆN CẦN GIỜ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố 1237 /UBND\nV/v triển khai thực hiện Thông tri\nsố 14-TT/TU của Ban Thường vụ\n\nCần Giờ, ngày 08 tháng 3 năm 2023\n\nKính gửi: Ủy ban nhân dân các xã, thị trấn.\n",
      {
        system: "state",
        type: "Công văn",
        number: "1237",
        symbol: "1237/UBND",
        issuer: "Ủy ban nhân dân huyện Cần Giờ",
        parent_issuer: null,
        place: "Cần Giờ",
        date: "2023-03-08",
        subject: "V/v triển khai thực hiện Thông tri số 14-TT/TU của Ban Thường vụ",
      },
    ],
    [
      "two columns flattened with spaces (pandoc, pdftotext -layout); Quyết định with its authority line",
      "UBND TỈNH BÌNH THUẬN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ                      Độc lập - Tự do - Hạnh phúc\nSố: 15/QĐ-SNV                  Bình Thuận, ngày 05 tháng 01 năm 2024\n\nQUYẾT ĐỊNH\nVề việc công nhận kết quả\n\nGIÁM ĐỐC SỞ NỘI VỤ\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
      {
        system: "state",
        type: "Quyết định",
        number: "15",
        symbol: "15/QĐ-SNV",
        issuer: "Sở Nội vụ",
        parent_issuer: "Ủy ban nhân dân tỉnh Bình Thuận",
        place: "Bình Thuận",
        date: "2024-01-05",
        subject: "Về việc công nhận kết quả",
      },
    ],
    [
      "OCR split syllables and symbol letters",
      "ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: 3210/QĐ - U B ND\nT hành phố Hồ Chí M inh, ngày 28 tháng 6 năm 2014\n\nQUYẾT ĐỊNH\n\nVỀ BAN HÀNH KẾ HOẠCH\n\nCăn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân;\n",
      {
        symbol: "3210/QĐ-UBND",
        issuer: "Ủy ban nhân dân Thành phố Hồ Chí Minh",
        place: "Thành phố Hồ Chí Minh",
        date: "2014-06-28",
        type: "Quyết định",
      },
    ],
    [
      "e-signed Party letter: blank number and day; number stamped alone, date from the signature",
      "ĐẢNG BỘ TỈNH KHÁNH HOÀ\nĐẢNG UỶ XÃ CÔNG HẢI\n*\nSố -CV/ĐU\nMời họp Ban Thường vụ Đảng uỷ\nĐẢNG CỘNG SẢN VIỆT NAM\nCông Hải, ngày tháng 9 năm 2025\nKính gửi: Các đồng chí Uỷ viên Ban Thường vụ Đảng uỷ.\nKính mời các đồng chí dự họp.\n101\nNơi nhận:\n- Như trên,\n- Lưu VPĐU.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nVũ Thị Thuỳ Trang\nĐẢNG UỶ XÃ CÔNG HẢI\n29-09-2025 13:41:12 +07:00\n",
      {
        system: "party",
        type: "Công văn",
        number: "101",
        symbol: "101-CV/ĐU",
        issuer: "Đảng ủy xã Công Hải",
        parent_issuer: "Đảng bộ tỉnh Khánh Hoà", // tone placement as printed ("HOÀ")
        place: "Công Hải",
        date: "2025-09-29",
        subject: "Mời họp Ban Thường vụ Đảng uỷ",
      },
    ],
  ])("%s", (_why, text, expected) => {
    const r = read(text);
    expect(r).toMatchObject(expected);
  });

  it("infers the issuer of a Party letter whose header line a scan lost (seed 000)", () => {
    const r = read(
      " * \n\nSố 677-CV/TU \n\nVề tiếp tục lãnh đạo, chỉ đạo\n\n ĐẢNG CỘNG SẢN VIỆT NAM \n\nCần Thơ, ngày 06 tháng 01 năm 2023 \n\nKính gửi: Các quận ủy, huyện ủy.\n\nNội dung.\n\nNơi nhận:\n- Như trên,\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nPhạm Văn Hiểu\n",
    );
    expect(r.issuer).toBe("Thành ủy Cần Thơ");
    expect(r.inferred).toContain("issuer");
    expect(r.warnings.join(" ")).toMatch(/header line missing/);
  });

  it("reads number, date and issuer from an annex's note when the header is gone", () => {
    const r = read(
      "HƯỚNG DẪN\n\nXÂY DỰNG ĐỘI NGŨ BÁO CÁO VIÊN\n\n-----\n\n- Căn cứ Điều lệ Đảng;\n\n1. Nội dung.\n\nNơi nhận:\n- Lưu.\n\nT/M BAN THƯỜNG VỤ\nTRƯỞNG BAN\nNguyễn Văn A\n\nPHỤ LỤC\n(Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày 27/11/2025 của Ban Tuyên giáo và\nDân vận Trung ương)\n",
    );
    expect(r).toMatchObject({ symbol: "40-HD/BTGDVTW", number: "40", date: "2025-11-27" });
    expect(r.issuer).toBe("Ban Tuyên giáo và Dân vận Trung ương");
    expect(r.inferred).toEqual(expect.arrayContaining(["symbol", "date", "issuer"]));
  });

  it("does not take a website's metadata table for the header", () => {
    const r = read(
      "Số hiệu:\n|\n999/QĐ-XYZ\n|\nLoại văn bản:\n|\nQuyết định\n|\n|\nỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n--------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 471/QĐ-UBND\n|\nBắc Ninh, ngày 28 tháng 11 năm 2025\n|\nQUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT DANH MỤC\nỦY BAN NHÂN DÂN TỈNH BẮC NINH\nCăn cứ Luật Thương mại;\n",
    );
    expect(r).toMatchObject({
      symbol: "471/QĐ-UBND",
      issuer: "Ủy ban nhân dân tỉnh Bắc Ninh",
      subject: "VỀ VIỆC PHÊ DUYỆT DANH MỤC",
    });
  });
});

describe("relation of a citation opening a paragraph under the authority line", () => {
  it("reads 'Căn cứ' right after a line in capitals as the sentence's opener (implements)", () => {
    const r = read(
      "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 1490/QĐ-UBND\n\nBắc Ninh, ngày 18 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT QUY TRÌNH\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nCăn cứ Luật Tổ chức chính\nquyền địa phương số 72/2025/QH15 ngày 16/6/2025;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Phê duyệt.\n",
    );
    expect(r.citations.map((c) => [c.symbol, c.relation])).toEqual([["72/2025/QH15", "implements"]]);
  });
});

describe("OCR letter-spacing in lists", () => {
  it("rejoins the syllables of Nơi nhận items", () => {
    const r = read(
      "BỘ XÂY DỰNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 12/BXD-VP\n\nHà Nội, ngày 05 tháng 01 năm 2024\n\nKính gửi: Ủy ban nhân dân các tỉnh.\n\nNội dung.\n\nNơi nhận:\n- Như trên;\n- B ộ T à i c h í nh;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn A\n",
    );
    expect(r.distribution).toContain("Bộ Tài chính");
  });
});
