import { hospitalFromCms } from "../hospital-from-cms"
import { sopStepLabel } from "../sop-steps"

const raw = (overrides: Record<string, unknown> = {}) => ({
  id: 7,
  documentId: "hosp-xiangya",
  name: " 中南大学湘雅医院 ",
  level: "三级甲等",
  city: "长沙市",
  address: "湖南省长沙市开福区湘雅路 87 号",
  latitude: 28.2161,
  longitude: "112.9887",
  guide: "",
  sort: 2,
  departments: [
    { documentId: "d2", name: "神经内科", sort: 2, sop: [] },
    {
      documentId: "d1",
      name: "心血管内科",
      sort: 1,
      sop: [
        { id: 1, step: "register", title: "取号挂号", tips: "提前到达" },
        { id: 2, step: "teleport", title: "新步骤", tips: null },
        { id: 3, step: "examine", title: " ", tips: "没有标题的步骤不要" },
      ],
    },
    { documentId: "d3", name: "", sop: [] },
  ],
  ...overrides,
})

describe("a CMS hospital as commerce keeps it", () => {
  it("keeps what booking and navigation need, departments in the editors' order, SOP steps named in Chinese", () => {
    expect(hospitalFromCms(raw())).toEqual({
      id: "hosp-xiangya",
      name: "中南大学湘雅医院",
      level: "三级甲等",
      city: "长沙市",
      address: "湖南省长沙市开福区湘雅路 87 号",
      latitude: 28.2161,
      longitude: 112.9887,
      guide: null,
      sort: 2,
      departments: [
        {
          id: "d1",
          name: "心血管内科",
          sop: [
            { step: "挂号", step_key: "register", title: "取号挂号", tips: "提前到达" },
            { step: "其他", step_key: "teleport", title: "新步骤", tips: null },
          ],
        },
        { id: "d2", name: "神经内科", sop: [] },
      ],
    })
  })

  it("leaves out a hospital without an address or usable coordinates, or switched off", () => {
    expect(hospitalFromCms(raw({ address: null }))).toBeNull()
    expect(hospitalFromCms(raw({ latitude: null }))).toBeNull()
    expect(hospitalFromCms(raw({ longitude: 300 }))).toBeNull()
    expect(hospitalFromCms(raw({ active: false }))).toBeNull()
    expect(hospitalFromCms(raw({ departments: undefined }))?.departments).toEqual([])
  })

  it("names every SOP step kind", () => {
    expect(
      ["register", "wait", "consult", "examine", "pay_and_collect", "custom"].map(sopStepLabel)
    ).toEqual(["挂号", "候诊", "就诊", "检查", "缴费取药", "其他"])
  })
})
