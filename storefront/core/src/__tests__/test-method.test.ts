import {
  describeLineTestChoice,
  isGeneTestLine,
  lineTestMetadata,
  readLineTestChoice,
} from "../appointments/test-method"

const collection = {
  site_id: "site-1",
  date: "2026-12-03",
  slot: "10:00-11:00",
  site_name: "岳阳楼区采集点",
}

describe("line test method", () => {
  it("writes and reads back each method, and ignores what checkout never writes", () => {
    const onSite = { method: "on_site" as const, collection }
    expect(lineTestMetadata({ method: "mail_in" })).toEqual({
      test_method: "mail_in",
      collection: "",
    })
    expect(lineTestMetadata(onSite)).toEqual({ test_method: "on_site", collection })
    expect(readLineTestChoice(lineTestMetadata({ method: "mail_in" }))).toEqual({
      method: "mail_in",
    })
    expect(readLineTestChoice(lineTestMetadata(onSite))).toEqual(onSite)
    expect(readLineTestChoice({ test_method: "on_site", collection: "" })).toBeNull()
    expect(readLineTestChoice({ test_method: "drone" })).toBeNull()
    expect(readLineTestChoice(null)).toBeNull()
  })

  it("describes a line's method for the summary and the order page", () => {
    expect(describeLineTestChoice({ method: "mail_in" })).toBe("寄送采样盒")
    expect(describeLineTestChoice({ method: "on_site", collection })).toBe(
      "采集点现场采集 · 岳阳楼区采集点 · 12月3日 周四 10:00-11:00"
    )
  })

  it("tells gene-test lines by their product's kind", () => {
    expect(isGeneTestLine({ product: { metadata: { kind: "gene_test" } } })).toBe(true)
    expect(isGeneTestLine({ product: { metadata: { kind: "service" } } })).toBe(false)
    expect(isGeneTestLine({})).toBe(false)
  })
})
