/**
 * A report's default heading from the body of the user's unit (State collective, Party committee
 * and its Ban Thường vụ, a committee's board, a Sở, a central body, no body), the drafter's changes
 * laid over it, and how dates, shares and directives are written.
 */
import { describe, expect, it } from "vitest";
import { organisationByKey } from "../../src/link/organisations.js";
import { defaultHeading, issuerCode, withChanges } from "../../src/report/heading.js";
import { directiveTitle, percent, placeDateLine } from "../../src/report/words.js";

const heading = (key: string) => defaultHeading(organisationByKey(key) ?? null, null);

describe("defaultHeading", () => {
  it("heads a People's Committee as the State does, signed on behalf of the committee", () => {
    expect(heading("state/ubnd@huyen-can-gio.ho-chi-minh")).toEqual({
      issuer: "Ủy ban nhân dân huyện Cần Giờ",
      system: "state",
      place: "Cần Giờ",
      symbolCode: "BC-UBND",
      signerAuthority: "TM. ỦY BAN NHÂN DÂN",
      signerPosition: "CHỦ TỊCH",
      signerName: "",
      recipients: ["Ủy ban nhân dân Thành phố Hồ Chí Minh (để báo cáo)"],
      filing: "Lưu: VT",
    });
    // A city named after a person is written in full on the place line.
    expect(heading("state/ubnd@ho-chi-minh").place).toBe("Thành phố Hồ Chí Minh");
  });

  it("heads a Party committee, and its Ban Thường vụ as the committee, with the Party's filing line", () => {
    const committee = heading("party/thanh-uy@can-tho");
    expect(committee).toMatchObject({
      issuer: "Thành ủy Cần Thơ",
      system: "party",
      place: "Cần Thơ",
      symbolCode: "BC/TU",
      signerAuthority: "T/M BAN THƯỜNG VỤ",
      filing: "Lưu Văn phòng Thành ủy",
    });
    expect(heading("party/thanh-uy@can-tho/ban-thuong-vu")).toMatchObject({
      issuer: "Thành ủy Cần Thơ",
      symbolCode: "BC/TU",
    });
  });

  it("heads a board or a department under its parent, signed by its head", () => {
    expect(heading("party/thanh-uy@can-tho/ban-dan-van")).toMatchObject({
      issuer: "Ban Dân vận",
      parentIssuer: "Thành ủy Cần Thơ",
      symbolCode: "BC/BDVTU",
      signerAuthority: "",
      signerPosition: "TRƯỞNG BAN",
    });
    expect(heading("state/ubnd@ho-chi-minh/so-tu-phap")).toMatchObject({
      issuer: "Sở Tư pháp",
      parentIssuer: "Ủy ban nhân dân Thành phố Hồ Chí Minh",
      symbolCode: "BC-STP",
      signerPosition: "GIÁM ĐỐC",
    });
    expect(heading("party/ban-to-chuc-tw")).toMatchObject({
      issuer: "Ban Tổ chức",
      parentIssuer: "Ban Chấp hành Trung ương",
      place: "Hà Nội",
      symbolCode: "BC/BTCTW",
    });
  });

  it("falls back to the unit's own name when it stands for no known body", () => {
    expect(defaultHeading(null, "Văn phòng")).toMatchObject({
      issuer: "Văn phòng",
      symbolCode: "BC",
      recipients: [],
    });
    expect(issuerCode(organisationByKey("state/chinh-phu")!)).toBe("CP");
  });
});

describe("withChanges", () => {
  const base = heading("state/ubnd@ho-chi-minh/so-tu-phap");

  it("replaces what is given, drops a blank managing body, keeps the rest", () => {
    const changed = withChanges(base, {
      signerName: "  Nguyễn Văn A ",
      parentIssuer: "",
      recipients: ["Bộ Tư pháp", " "],
      system: "bogus" as "state",
      place: undefined,
    });
    expect(changed.signerName).toBe("Nguyễn Văn A");
    expect(changed.parentIssuer).toBeUndefined();
    expect(changed.recipients).toEqual(["Bộ Tư pháp"]);
    expect(changed.system).toBe("state");
    expect(changed.place).toBe(base.place);
    expect(base.parentIssuer).toBe("Ủy ban nhân dân Thành phố Hồ Chí Minh");
  });
});

describe("how a report writes", () => {
  it("dates as NĐ 30/2020 does: the day padded, the month only in January and February", () => {
    expect(placeDateLine("Cần Giờ", "2026-01-05")).toBe("Cần Giờ, ngày 05 tháng 01 năm 2026");
    expect(placeDateLine("Cần Giờ", "2026-02-28")).toBe("Cần Giờ, ngày 28 tháng 02 năm 2026");
    expect(placeDateLine("Cần Giờ", "2026-09-20")).toBe("Cần Giờ, ngày 20 tháng 9 năm 2026");
    expect(placeDateLine("Hà Nội", "")).toMatch(/^Hà Nội, ngày\s+tháng\s+năm 20…$/);
  });

  it("writes shares with a decimal comma", () => {
    expect(percent(1, 3)).toBe("33,3%");
    expect(percent(2, 2)).toBe("100%");
    expect(percent(0, 0)).toBe("0%");
  });

  it("names a directive as a first citation does", () => {
    const d = { type: "Công văn", symbol: "1237/UBND", date: "2023-03-08", issuer: "UBND huyện Cần Giờ" };
    expect(directiveTitle({ ...d, subject: "V/v triển khai Thông tri 14" })).toBe(
      "Công văn số 1237/UBND ngày 08/03/2023 của UBND huyện Cần Giờ về triển khai Thông tri 14",
    );
    expect(directiveTitle({ ...d, subject: null, symbol: null, date: null })).toBe(
      "Công văn của UBND huyện Cần Giờ",
    );
  });
});
