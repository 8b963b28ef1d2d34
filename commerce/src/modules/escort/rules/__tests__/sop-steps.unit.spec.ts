import { sopStepName, sopStepNames } from "../sop-steps"

describe("SOP steps the escort records during 陪同就医", () => {
  it("are the default five without a department SOP", () => {
    expect(sopStepNames([])).toEqual(["挂号", "候诊", "就诊", "检查", "缴费取药"])
  })

  it("name a department's steps by kind and title, the kind alone when they agree, each once", () => {
    const sop = [
      { step: "挂号", title: "挂号" },
      { step: "检查", title: "心电图" },
      { step: "检查", title: "心电图" },
      { step: "其他", title: "" },
    ]
    expect(sop.map(sopStepName)).toEqual(["挂号", "检查 · 心电图", "检查 · 心电图", "其他"])
    expect(sopStepNames(sop)).toEqual(["挂号", "检查 · 心电图", "其他"])
  })
})
