import type { EscortHospital, EscortService } from "@health/core"
import { act, fireEvent, render, screen } from "@testing-library/react"
import { EscortBookingForm } from "@/components/escort/escort-booking-form"

const services: EscortService[] = [
  {
    id: "prod_half",
    variant_id: "variant_half",
    title: "半日陪诊",
    description: null,
    price_fen: 19900,
    duration_hours: 4,
    extra_hour_fen: 5000,
    extras: [],
  },
]

const sop = [
  { step: "挂号", step_key: "register", title: "取号挂号", tips: "提前 30 分钟到达" },
  { step: "检查", step_key: "examine", title: "心电图与抽血", tips: "抽血需空腹" },
]

const hospitals: EscortHospital[] = [
  {
    id: "hosp-xiangya",
    name: "中南大学湘雅医院",
    level: "三级甲等",
    city: "长沙市",
    address: "湖南省长沙市开福区湘雅路 87 号",
    latitude: 28.2161,
    longitude: 112.9887,
    guide: null,
    departments: [
      { id: "dept-cardio", name: "心血管内科", sop },
      { id: "dept-neuro", name: "神经内科", sop: [] },
    ],
  },
  {
    id: "hosp-yueyang",
    name: "岳阳市中心医院",
    level: "三级甲等",
    city: "岳阳市",
    address: "湖南省岳阳市岳阳楼区东茅岭路 39 号",
    latitude: 29.3625,
    longitude: 113.1288,
    guide: null,
    departments: [{ id: "dept-ortho", name: "骨科", sop: [] }],
  },
]

const submitted = async (book: jest.Mock) => {
  fireEvent.change(screen.getByLabelText("身份证号"), { target: { value: "110105194912310021" } })
  await act(async () => {
    fireEvent.submit(screen.getByTestId("escort-booking-form"))
  })
  return book.mock.calls[0][1] as FormData
}

describe("预约陪诊: hospital and department from the catalogue", () => {
  it("picks city, hospital and department from the list, shows the SOP, and sends ids with the names", async () => {
    const book = jest.fn(async () => undefined)
    render(
      <EscortBookingForm services={services} hospitals={hospitals} book={book} today="2026-12-06" />
    )
    expect(screen.getByTestId("hospital-picker")).toBeTruthy()
    expect(screen.getByText("地址：湖南省长沙市开福区湘雅路 87 号")).toBeTruthy()
    expect(
      Array.from(screen.getByTestId("department-sop").querySelectorAll("li")).map(
        (li) => li.textContent
      )
    ).toEqual(["挂号：取号挂号", "检查：心电图与抽血"])
    fireEvent.change(screen.getByLabelText("科室"), { target: { value: "dept-neuro" } })
    expect(screen.queryByTestId("department-sop")).toBeNull()

    fireEvent.change(screen.getByLabelText("城市"), { target: { value: "岳阳市" } })
    expect((screen.getByLabelText("医院") as HTMLSelectElement).value).toBe("hosp-yueyang")
    expect((screen.getByLabelText("科室") as HTMLSelectElement).value).toBe("dept-ortho")
    const sent = await submitted(book)
    expect({
      city: sent.get("city"),
      hospital_id: sent.get("hospital_id"),
      hospital_name: sent.get("hospital_name"),
      department_id: sent.get("department_id"),
      department: sent.get("department"),
    }).toEqual({
      city: "岳阳市",
      hospital_id: "hosp-yueyang",
      hospital_name: "岳阳市中心医院",
      department_id: "dept-ortho",
      department: "骨科",
    })
  })

  it("lets the member type the hospital for a city the catalogue does not cover", async () => {
    const book = jest.fn(async () => undefined)
    render(
      <EscortBookingForm services={services} hospitals={hospitals} book={book} today="2026-12-06" />
    )
    fireEvent.change(screen.getByLabelText("城市", { selector: "select" }), {
      target: { value: "" },
    })
    expect(screen.getByTestId("hospital-typed")).toBeTruthy()
    fireEvent.change(screen.getByLabelText("城市", { selector: "input" }), {
      target: { value: "常德市" },
    })
    fireEvent.change(screen.getByLabelText("医院"), { target: { value: "常德市第一人民医院" } })
    fireEvent.change(screen.getByLabelText("科室"), { target: { value: "老年科" } })
    const sent = await submitted(book)
    expect(sent.get("hospital_id")).toBeNull()
    expect([sent.get("city"), sent.get("hospital_name"), sent.get("department")]).toEqual([
      "常德市",
      "常德市第一人民医院",
      "老年科",
    ])
  })
})
