import type { TestedPerson } from "@health/core"
import { fireEvent, render, screen } from "@testing-library/react"
import { PersonServedPicker } from "@/components/escort/person-served-picker"

const mother: TestedPerson = {
  id: "tsub_mother",
  relation: "parent",
  relation_label: "父母",
  name: "张桂兰",
  sex: "female",
  birth_date: "1949-12-31",
  id_number_masked: "1101**********002X",
  verified_at: "2026-12-01T02:00:00.000Z",
}

const formOf = () => new FormData(screen.getByTestId("picker-form") as HTMLFormElement)

const renderPicker = (persons: TestedPerson[], fields?: Record<string, string>) =>
  render(
    <form data-testid="picker-form">
      <PersonServedPicker persons={persons} fields={fields} />
    </form>
  )

describe("预约陪诊: 选择就诊人", () => {
  it("offers the saved people with their ID numbers masked and sends the chosen one's id, nothing typed", () => {
    renderPicker([mother])
    expect(screen.getByText("选择就诊人")).toBeTruthy()
    expect(screen.getByLabelText("张桂兰（父母）1101**********002X")).toBeTruthy()
    expect(screen.queryByLabelText("身份证号")).toBeNull()
    const form = formOf()
    expect(form.get("person_id")).toBe("tsub_mother")
    expect(form.get("person_id_number")).toBeNull()
  })

  it("新增就诊人 asks for the real name, ID number and relation, saving the person by default", () => {
    renderPicker([mother])
    fireEvent.click(screen.getByLabelText("新增就诊人"))
    fireEvent.change(screen.getByLabelText("真实姓名"), { target: { value: "李建国" } })
    fireEvent.change(screen.getByLabelText("身份证号"), {
      target: { value: "430602199003151231" },
    })
    const form = formOf()
    expect(form.get("person_id")).toBe("new")
    expect(form.get("person_name")).toBe("李建国")
    expect(form.get("person_id_number")).toBe("430602199003151231")
    expect(form.get("person_relation")).toBe("parent")
    expect(form.get("save_person")).toBe("1")
  })

  it("with no saved people, goes straight to typing one in; a refusal keeps the choice not to save", () => {
    renderPicker([], { person_id: "new", person_name: "李建国", save_person: "0" })
    expect(screen.queryByText("选择就诊人")).toBeNull()
    expect((screen.getByLabelText("真实姓名") as HTMLInputElement).value).toBe("李建国")
    expect(formOf().get("save_person")).toBeNull()
  })
})
