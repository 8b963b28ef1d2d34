import { claimStatusLabel, yuanToFen } from "../escort-case-messages"

describe("事件与理赔 wording", () => {
  it("names every insurance claim state in Chinese, never the insurer's code", () => {
    expect(claimStatusLabel("filed")).toBe("已报案，待保险公司处理")
    expect(claimStatusLabel("approved")).toBe("保险公司已核准")
    expect(claimStatusLabel("rejected")).toBe("保险公司拒赔")
    expect(claimStatusLabel("paid")).toBe("理赔款已到账")
    for (const status of ["filed", "approved", "rejected", "paid"]) {
      expect(claimStatusLabel(status)).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it("reads staff's yuan as whole fen, zero only where allowed", () => {
    expect(yuanToFen("199.5")).toBe(19950)
    expect(yuanToFen("0")).toBeNull()
    expect(yuanToFen("0", { allowZero: true })).toBe(0)
    expect(yuanToFen("1.999")).toBeNull()
  })
})
