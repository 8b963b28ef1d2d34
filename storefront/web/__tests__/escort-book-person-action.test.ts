/** @jest-environment node */
import { ApiError } from "@health/core"

const create = jest.fn()
const addPerson = jest.fn()
const redirect = jest.fn((target: string) => {
  throw Object.assign(new Error("NEXT_REDIRECT"), { target })
})
jest.mock("@/lib/backends", () => ({
  escort: { create: (...args: unknown[]) => create(...args) },
  healthArchive: { addPerson: (...args: unknown[]) => addPerson(...args) },
}))
jest.mock("@/lib/session", () => ({ readToken: async () => "tok_1" }))
jest.mock("next/cache", () => ({ revalidatePath: () => undefined }))
jest.mock("next/navigation", () => ({ redirect: (target: string) => redirect(target) }))

const { bookEscort } = require("@/lib/escort-actions") as typeof import("@/lib/escort-actions")

const BASE = {
  variant_id: "variant_half",
  hospital_name: "中南大学湘雅医院",
  department: "心血管内科",
  city: "长沙市",
  date: "2026-12-20",
  start: "08:00",
  end: "12:00",
  meeting_point: "门诊楼一楼大厅",
}

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [name, value] of Object.entries({ ...BASE, ...fields })) data.set(name, value)
  return data
}

const book = (fields: Record<string, string>) =>
  bookEscort(undefined, form(fields)).catch((e: { target?: string }) => e.target)

beforeEach(() => {
  create.mockReset().mockResolvedValue({ id: "escbk_1" })
  addPerson.mockReset().mockResolvedValue({ id: "tsub_new" })
})

describe("booking an escort for a saved or a new 就诊人", () => {
  it("names a chosen saved person by id, never a typed ID number", async () => {
    expect(await book({ person_id: "tsub_mother" })).toBe("/account/escort/escbk_1?booked=1")
    expect(addPerson).not.toHaveBeenCalled()
    const sent = create.mock.calls[0][1]
    expect(sent.person_id).toBe("tsub_mother")
    expect(sent.person).toBeUndefined()
  })

  it("saves a new person first (实名认证 once) and books for the saved id", async () => {
    await book({
      person_id: "new",
      person_name: "李建国",
      person_id_number: "430602199003151231",
      person_relation: "parent",
      save_person: "1",
    })
    expect(addPerson).toHaveBeenCalledWith("tok_1", {
      relation: "parent",
      name: "李建国",
      id_number: "430602199003151231",
    })
    expect(create.mock.calls[0][1]).toMatchObject({ person_id: "tsub_new" })
  })

  it("a booking refused after the person was saved comes back with them chosen, not to be saved twice", async () => {
    create.mockRejectedValue(new ApiError(409, "该时段暂无可预约名额"))
    const refused = await bookEscort(
      undefined,
      form({
        person_id: "new",
        person_name: "李建国",
        person_id_number: "430602199003151231",
        person_relation: "parent",
        save_person: "1",
      })
    )
    expect(refused).toMatchObject({
      error: "该时段暂无可预约名额",
      fields: { person_id: "tsub_new" },
    })
    expect(JSON.stringify(refused)).not.toContain("430602199003151231")
  })

  it("sends a new person as typed when not to be saved, and a refusal never echoes the ID number", async () => {
    await book({ person_id: "new", person_name: "李建国", person_id_number: "430602199003151231" })
    expect(addPerson).not.toHaveBeenCalled()
    expect(create.mock.calls[0][1].person).toEqual({
      name: "李建国",
      id_number: "430602199003151231",
    })
    addPerson.mockRejectedValue(
      new ApiError(400, "就诊人姓名与身份证号不一致，未通过实名认证，请核对后重新填写")
    )
    const refused = await bookEscort(
      undefined,
      form({
        person_id: "new",
        person_name: "李建国",
        person_id_number: "430602199003151231",
        save_person: "1",
      })
    )
    expect(refused?.error).toBe("就诊人姓名与身份证号不一致，未通过实名认证，请核对后重新填写")
    expect(JSON.stringify(refused)).not.toContain("430602199003151231")
  })
})
