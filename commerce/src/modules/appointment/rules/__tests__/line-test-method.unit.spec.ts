import {
  collectionGroups,
  readLineTestMethod,
  resolveTestMethods,
  slotClash,
} from "../line-test-method"

const site = { site_id: "site-yueyang", date: "2026-12-20", slot: "10:00-11:00" }
const line = (
  id: string,
  title: string,
  metadata: Record<string, unknown> | null,
  quantity = 1
) => ({
  id,
  title,
  quantity,
  metadata,
})

describe("readLineTestMethod", () => {
  it("reads mail-in, on-site with its slot, nothing, and refuses what checkout never writes", () => {
    expect(readLineTestMethod({ test_method: "mail_in", collection: "" })).toEqual({
      method: "mail_in",
    })
    expect(readLineTestMethod({ test_method: "on_site", collection: site })).toEqual({
      method: "on_site",
      choice: { ...site, site_name: null },
    })
    expect(readLineTestMethod({ note: "x" })).toBeNull()
    expect(readLineTestMethod(null)).toBeNull()
    expect(readLineTestMethod({ test_method: "drone" })).toEqual({
      problem: "采样方式只能是寄送采样盒或采集点现场采集",
    })
    expect(readLineTestMethod({ test_method: "on_site" })).toEqual({
      problem: "请选择现场采集的采集点、日期和时段",
    })
    expect(
      readLineTestMethod({ test_method: "on_site", collection: { ...site, date: "明天" } })
    ).toEqual({ problem: "现场采集的预约信息不完整，请重新选择采集点、日期和时段" })
  })
})

describe("resolveTestMethods", () => {
  it("sends every kit by post when no line carries a method; a cart-level slot is not read", () => {
    const lines = [line("a", "运动基因", null, 2), line("b", "儿童天赋", {})]
    const mailed = {
      lines: [
        { line_item_id: "a", title: "运动基因", quantity: 2, method: "mail_in" },
        { line_item_id: "b", title: "儿童天赋", quantity: 1, method: "mail_in" },
      ],
    }
    expect(resolveTestMethods(lines)).toEqual(mailed)
    expect(
      resolveTestMethods([
        line("a", "运动基因", { collection_appointment: site }, 2),
        line("b", "儿童天赋", {}),
      ])
    ).toEqual(mailed)
  })

  it("takes each line's own method, and asks for one on every gene-test line once any has one", () => {
    expect(
      resolveTestMethods([
        line("a", "运动基因", { test_method: "mail_in" }),
        line("b", "儿童天赋", { test_method: "on_site", collection: site }, 3),
      ])
    ).toEqual({
      lines: [
        { line_item_id: "a", title: "运动基因", quantity: 1, method: "mail_in" },
        {
          line_item_id: "b",
          title: "儿童天赋",
          quantity: 3,
          method: "on_site",
          choice: { ...site, site_name: null },
        },
      ],
    })
    expect(
      resolveTestMethods([
        line("a", "运动基因", { test_method: "mail_in" }),
        line("b", "儿童天赋", null),
      ])
    ).toEqual({ problem: "请为「儿童天赋」选择采样方式（寄送采样盒或采集点现场采集）" })
    expect(resolveTestMethods([line("b", "儿童天赋", { test_method: "on_site" })])).toEqual({
      problem: "「儿童天赋」请选择现场采集的采集点、日期和时段",
    })
  })
})

describe("line order", () => {
  it("names lines in the order they were added to the cart, however Medusa returns them", () => {
    const small = { ...site, site_id: "site-small" }
    const added = [
      line("cali_01A", "运动基因", { test_method: "on_site", collection: site }),
      line("cali_01B", "儿童天赋", { test_method: "on_site", collection: small }),
    ]
    for (const lines of [added, [...added].reverse()]) {
      const methods = resolveTestMethods(lines)
      expect("lines" in methods && slotClash(collectionGroups(methods.lines))).toBe(
        "「运动基因」和「儿童天赋」选了同一时段的不同采集点，同一时段只能在一个采集点采样，请改选同一采集点或其他时段"
      )
    }
  })
})

describe("collectionGroups and slotClash", () => {
  const onSite = (id: string, title: string, choice: typeof site, quantity = 1) => ({
    line_item_id: id,
    title,
    quantity,
    method: "on_site" as const,
    choice: { ...choice, site_name: null },
  })

  it("puts lines of one site and slot in one group counting their people, and leaves mail-in out", () => {
    const groups = collectionGroups([
      onSite("a", "运动基因", site, 2),
      { line_item_id: "m", title: "寄送", quantity: 1, method: "mail_in" },
      onSite("b", "儿童天赋", site),
      onSite("c", "药物基因", { ...site, slot: "14:00-15:00" }),
    ])
    expect(
      groups.map((g) => [g.choice.slot, g.lines.map((l) => l.line_item_id), g.people])
    ).toEqual([
      ["10:00-11:00", ["a", "b"], 3],
      ["14:00-15:00", ["c"], 1],
    ])
    expect(slotClash(groups)).toBeNull()
  })

  it("refuses two sites in the same slot", () => {
    const groups = collectionGroups([
      onSite("a", "运动基因", site),
      onSite("b", "儿童天赋", { ...site, site_id: "site-small" }),
    ])
    expect(slotClash(groups)).toBe(
      "「运动基因」和「儿童天赋」选了同一时段的不同采集点，同一时段只能在一个采集点采样，请改选同一采集点或其他时段"
    )
  })
})
