import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import EscortBook from "../src/packages/escort/book/index"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  session.setToken("tok_1")
})

const services = [
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

const person = (id: string, name: string, masked: string | null) => ({
  id,
  relation: "parent",
  relation_label: "父母",
  name,
  sex: "female",
  birth_date: "1949-12-31",
  id_number_masked: masked,
  verified_at: masked ? "2026-12-01T02:00:00.000Z" : null,
})

const consentPages = ({ url }: { url: URL }) => {
  const slug = url.searchParams.get("filters[slug][$eq]") as string
  return {
    body: {
      data: [{ documentId: `d-${slug}`, slug, title: slug, version: "2026-12", body: "正文" }],
      meta: {},
    },
  }
}

const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } })

const fillAndSubmit = async () => {
  for (const kind of [
    "privacy_policy",
    "personal_info",
    "sensitive_personal_info",
    "escort_sharing",
  ]) {
    fireEvent.click(await screen.findByTestId(`escort-consent-${kind}`))
  }
  type("escort-city", "长沙市")
  type("escort-hospital", "中南大学湘雅医院")
  type("escort-department", "心血管内科")
  type("escort-date", "2026-12-20")
  type("escort-meetingPoint", "门诊楼一楼大厅")
  fireEvent.click(screen.getByTestId("escort-submit"))
}

describe("预约陪诊: 选择就诊人", () => {
  it("offers the saved people with ID numbers masked (not a kit's tested person) and books by id", async () => {
    const sent: any[] = []
    fakeBackend({
      "GET /store/escort-services": { services },
      "GET /api/pages": consentPages,
      "GET /store/health-archive/persons": {
        persons: [
          person("tsub_kit", "王芳", null),
          person("tsub_mother", "张桂兰", "1101**********002X"),
        ],
      },
      "POST /store/escort-bookings": ({ body }: { body: unknown }) => {
        sent.push(body)
        return { status: 201, body: { booking: { id: "escbk_1", status: "pending_payment" } } }
      },
    })
    render(<EscortBook />)
    const saved = await screen.findByTestId("person-served-tsub_mother")
    expect(saved.textContent).toBe("张桂兰（父母）1101**********002X")
    expect(screen.queryByTestId("person-served-tsub_kit")).toBeNull()
    expect(screen.queryByTestId("escort-personId")).toBeNull()
    await fillAndSubmit()
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0].person_id).toBe("tsub_mother")
    expect(sent[0].person).toBeUndefined()
  })

  it("新增就诊人 saves the person (实名认证 once) and books by the saved id; a refused booking is retried without saving again", async () => {
    const saves: any[] = []
    const bookings: any[] = []
    let refuseBooking = true
    fakeBackend({
      "GET /store/escort-services": { services },
      "GET /api/pages": consentPages,
      "GET /store/health-archive/persons": {
        persons: [person("tsub_mother", "张桂兰", "1101**********002X")],
      },
      "POST /store/health-archive/persons": ({ body }: { body: unknown }) => {
        saves.push(body)
        return {
          status: 201,
          body: { person: person("tsub_father", "李建国", "4306**********1231") },
        }
      },
      "POST /store/escort-bookings": ({ body }: { body: unknown }) => {
        bookings.push(body)
        if (refuseBooking) {
          refuseBooking = false
          return refuse(409, "该时段暂无可预约名额")()
        }
        return { status: 201, body: { booking: { id: "escbk_2", status: "pending_payment" } } }
      },
    })
    render(<EscortBook />)
    fireEvent.click(await screen.findByTestId("person-served-new"))
    type("escort-personName", "李建国")
    type("escort-personId", "430602199003151231")
    fireEvent.click(screen.getByTestId("person-relation-parent"))
    await fillAndSubmit()
    expect((await screen.findByTestId("escort-error")).textContent).toBe("该时段暂无可预约名额")
    expect(saves).toEqual([{ name: "李建国", id_number: "430602199003151231", relation: "parent" }])
    expect(bookings[0].person_id).toBe("tsub_father")
    // The new person is now a saved one, chosen; submitting again does not save twice.
    expect(screen.getByTestId("person-served-tsub_father").className).toContain("active")
    fireEvent.click(screen.getByTestId("escort-submit"))
    await waitFor(() => expect(stand.navigations).toHaveLength(1))
    expect(saves).toHaveLength(1)
    expect(bookings[1].person_id).toBe("tsub_father")
    expect(calls().filter((c) => c === "POST /store/health-archive/persons")).toHaveLength(1)
  })

  it("shows a refused 实名认证 in Chinese and books nothing", async () => {
    fakeBackend({
      "GET /store/escort-services": { services },
      "GET /api/pages": consentPages,
      "GET /store/health-archive/persons": { persons: [] },
      "POST /store/health-archive/persons": refuse(
        400,
        "就诊人姓名与身份证号不一致，未通过实名认证，请核对后重新填写"
      ),
    })
    render(<EscortBook />)
    await screen.findByTestId("escort-personName")
    type("escort-personName", "张桂芳")
    type("escort-personId", "11010519491231002X")
    await fillAndSubmit()
    expect((await screen.findByTestId("escort-error")).textContent).toBe(
      "就诊人姓名与身份证号不一致，未通过实名认证，请核对后重新填写"
    )
    expect(calls()).not.toContain("POST /store/escort-bookings")
  })
})
