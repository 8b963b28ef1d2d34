import {
  isValidKitBarcode,
  KIT_STATUS_LABELS,
  type KitStatus,
  type KitTimelineEntry,
  luhnCheckDigit,
  normalizeKitBarcode,
} from "@health/contracts"
import { checkKitBarcode } from "../health-archive/kit-barcode"
import { kitSteps } from "../health-archive/kit-steps"
import { CONSENT_PAGE_SLUG, formatFileSize, kitUsage } from "../health-archive/labels"

describe("kit barcode", () => {
  it("computes the Luhn check digit over the digits before it", () => {
    // The textbook Luhn example: 7992739871 has check digit 3.
    expect(luhnCheckDigit("7992739871")).toBe(3)
    expect(luhnCheckDigit("000000001")).toBe(8)
    expect(luhnCheckDigit("000000000")).toBe(0)
    expect(luhnCheckDigit("123456789")).toBe(7)
  })

  it("accepts GT, nine digits and their check digit, and nothing else", () => {
    expect(isValidKitBarcode("GT1234567897")).toBe(true)
    expect(isValidKitBarcode("GT0000000018")).toBe(true)
    expect(isValidKitBarcode("GT0000000013")).toBe(false)
    expect(isValidKitBarcode("GT1234567898")).toBe(false)
    // Two neighbouring digits swapped: Luhn catches it.
    expect(isValidKitBarcode("GT2134567897")).toBe(false)
    expect(isValidKitBarcode("gt1234567897")).toBe(false)
    expect(isValidKitBarcode("GT123456789")).toBe(false)
    expect(isValidKitBarcode("GT12345678970")).toBe(false)
    expect(isValidKitBarcode("XX1234567897")).toBe(false)
  })

  it("refuses a payload that is not digits", () => {
    expect(() => luhnCheckDigit("12a")).toThrow()
  })

  it("reads a code however it was typed from the label", () => {
    expect(normalizeKitBarcode(" gt 1234-5678 97 ")).toBe("GT1234567897")
  })

  it.each([
    ["", "empty", "条码印在采样管和采样盒上，以 GT 开头，共 12 位"],
    ["gt12345", "incomplete", "还差 5 位"],
    ["G", "incomplete", "还差 11 位"],
    ["AB1234567897", "malformed", "条码格式不正确：应为 GT 加 10 位数字"],
    ["GT12345x", "malformed", "条码格式不正确：应为 GT 加 10 位数字"],
    ["GT12345678970", "malformed", "条码格式不正确：应为 GT 加 10 位数字"],
    ["GT1234567898", "mistyped", "条码校验未通过，请逐位核对是否输错"],
    ["gt 1234 5678 97", "valid", "条码格式正确"],
  ])("says what is wrong with %j while it is typed", (input, state, message) => {
    expect(checkKitBarcode(input)).toMatchObject({ state, message })
  })
})

const entry = (status: KitStatus, at: string, note: string | null = null): KitTimelineEntry => ({
  status,
  label: KIT_STATUS_LABELS[status],
  at,
  note,
})
const summary = (steps: ReturnType<typeof kitSteps>) =>
  steps.map((s) => `${s.status}:${s.state}${s.exit ? "!" : ""}`)

const untilTesting = [
  entry("ordered", "2026-11-01T02:00:00Z"),
  entry("shipped", "2026-11-02T02:00:00Z"),
  entry("activated", "2026-11-05T02:00:00Z"),
  entry("received", "2026-11-08T02:00:00Z"),
  entry("testing", "2026-11-09T02:00:00Z"),
]

describe("kit steps", () => {
  it("marks what is done, where the kit is and what is still to come, with times", () => {
    const steps = kitSteps({ status: "testing", timeline: untilTesting })
    expect(summary(steps)).toEqual([
      "ordered:done",
      "shipped:done",
      "activated:done",
      "received:done",
      "testing:current",
      "report_ready:upcoming",
      "delivered:upcoming",
    ])
    expect(steps[3]).toEqual({
      status: "received",
      label: "样本已接收",
      state: "done",
      exit: false,
      at: "2026-11-08T02:00:00Z",
      note: null,
    })
    expect(steps[5].at).toBeNull()
  })

  it("counts every step done once the member has read the report", () => {
    const steps = kitSteps({
      status: "delivered",
      timeline: [
        ...untilTesting,
        entry("report_ready", "2026-11-20T02:00:00Z"),
        entry("delivered", "2026-11-21T02:00:00Z"),
      ],
    })
    expect(steps.every((s) => s.state === "done")).toBe(true)
    expect(steps[6].at).toBe("2026-11-21T02:00:00Z")
  })

  it("shows a rejected sample as a side step after the last step reached, the rest still ahead", () => {
    const steps = kitSteps({
      status: "rejected",
      timeline: [...untilTesting, entry("rejected", "2026-11-10T02:00:00Z", "样本量不足")],
    })
    expect(summary(steps)).toEqual([
      "ordered:done",
      "shipped:done",
      "activated:done",
      "received:done",
      "testing:done",
      "rejected:current!",
      "report_ready:upcoming",
      "delivered:upcoming",
    ])
    expect(steps[5]).toMatchObject({
      label: "样本不合格（需重新采样）",
      at: "2026-11-10T02:00:00Z",
      note: "样本量不足",
    })
  })

  it("puts a rejection without a timeline after the lab received the sample", () => {
    expect(summary(kitSteps({ status: "rejected", timeline: [] }))).toEqual([
      "ordered:done",
      "shipped:done",
      "activated:done",
      "received:done",
      "rejected:current!",
      "testing:upcoming",
      "report_ready:upcoming",
      "delivered:upcoming",
    ])
  })

  it("after sampling again, forgets the old receipt time until the new sample arrives", () => {
    const steps = kitSteps({
      status: "activated",
      timeline: [
        ...untilTesting.slice(0, 4),
        entry("rejected", "2026-11-10T02:00:00Z"),
        entry("activated", "2026-11-12T02:00:00Z"),
      ],
    })
    expect(summary(steps)).toEqual([
      "ordered:done",
      "shipped:done",
      "activated:current",
      "received:upcoming",
      "testing:upcoming",
      "report_ready:upcoming",
      "delivered:upcoming",
    ])
    expect(steps[2].at).toBe("2026-11-12T02:00:00Z")
    expect(steps[3].at).toBeNull()
  })

  it("ends a cancelled kit at its side step", () => {
    expect(
      summary(
        kitSteps({ status: "cancelled", timeline: [entry("ordered", "2026-11-01T02:00:00Z")] })
      )
    ).toEqual(["ordered:done", "cancelled:current!"])
  })

  it("leaves out the posting step for a sample taken at a collection site", () => {
    const steps = kitSteps({
      status: "activated",
      collection_method: "on_site",
      timeline: [
        entry("ordered", "2026-11-01T02:00:00Z"),
        entry("activated", "2026-11-03T02:00:00Z"),
      ],
    })
    expect(steps.map((s) => s.status)).not.toContain("shipped")
    expect(summary(steps).slice(0, 3)).toEqual([
      "ordered:done",
      "activated:current",
      "received:upcoming",
    ])
  })

  it("marks steps the timeline lacks as done without a time", () => {
    const steps = kitSteps({ status: "received", timeline: [] })
    expect(summary(steps).slice(0, 4)).toEqual([
      "ordered:done",
      "shipped:done",
      "activated:done",
      "received:current",
    ])
    expect(steps.every((s) => s.at === null)).toBe(true)
  })
})

describe("labels", () => {
  it("names the consent pages in the CMS", () => {
    expect(CONSENT_PAGE_SLUG).toEqual({
      testing: "consent-testing",
      storage: "consent-storage",
      research: "consent-research",
    })
  })

  it("formats file sizes", () => {
    expect(formatFileSize(512)).toBe("512 B")
    expect(formatFileSize(840 * 1024)).toBe("840 KB")
    expect(formatFileSize(3.25 * 1024 * 1024)).toBe("3.3 MB")
  })
})

describe("kit usage on an order", () => {
  it("is 未使用 until activation, 已使用 from then on, and 已作废 when voided", () => {
    expect(kitUsage("ordered")).toBe("未使用")
    expect(kitUsage("shipped")).toBe("未使用")
    for (const status of [
      "activated",
      "received",
      "testing",
      "report_ready",
      "delivered",
      "rejected",
    ] as const) {
      expect(kitUsage(status)).toBe("已使用")
    }
    expect(kitUsage("cancelled")).toBe("已作废")
  })
})
