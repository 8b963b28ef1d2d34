import { readKitActivationForm } from "@/lib/kit-activation-form"

const formOf = (fields: Record<string, string>) => {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  return form
}

const signed = {
  consent_testing: "yes",
  consent_testing_version: "2026-11",
  consent_storage_version: "2026-11",
  consent_research: "yes",
  consent_research_version: "2026-10",
}
const newPerson = {
  person_id: "new",
  relation: "parent",
  name: " 王芳 ",
  sex: "female",
  birth_date: "1960-03-02",
}
const TODAY = "2026-11-24"

describe("readKitActivationForm", () => {
  it("sends the typed barcode tidied, a new person, and only the consents ticked with their versions", () => {
    expect(
      readKitActivationForm(formOf({ barcode: "gt 1234 5678 97", ...newPerson, ...signed }), TODAY)
    ).toEqual({
      activation: {
        barcode: "GT1234567897",
        person: { relation: "parent", name: "王芳", sex: "female", birth_date: "1960-03-02" },
        consents: [
          { kind: "testing", version: "2026-11" },
          { kind: "research", version: "2026-10" },
        ],
      },
    })
  })

  it("sends only the id of a person tested before, whatever the new-person fields hold", () => {
    const { activation } = readKitActivationForm(
      formOf({ barcode: "GT1234567897", ...newPerson, person_id: "per_1", ...signed }),
      TODAY
    )
    expect(activation).toEqual({
      barcode: "GT1234567897",
      person_id: "per_1",
      consents: [
        { kind: "testing", version: "2026-11" },
        { kind: "research", version: "2026-10" },
      ],
    })
    expect(activation).not.toHaveProperty("person")
  })

  it.each([
    [{ barcode: "" }, "请输入采样盒上的条码"],
    [{ barcode: "GT12345" }, "条码格式不正确：应为 GT 加 10 位数字"],
    [{ barcode: "GT1234567898" }, "条码校验未通过，请逐位核对是否输错"],
    [{ consent_testing: "" }, "请阅读并勾选基因检测知情同意书，才能激活采样盒"],
    [{ consent_testing_version: "" }, "知情同意书暂时无法加载，请刷新页面后重试"],
    [{ person_id: "" }, "请选择受检者"],
    [{ relation: "cousin" }, "请选择受检者与您的关系"],
    [{ name: "  " }, "请填写受检者姓名"],
    [{ name: "王".repeat(41) }, "受检者姓名最多 40 个字"],
    [{ sex: "" }, "请选择受检者性别"],
    [{ birth_date: "1960-02-30" }, "请选择受检者正确的出生日期"],
    [{ birth_date: "2026-11-25" }, "请选择受检者正确的出生日期"],
  ])("refuses %j with a message", (change, problem) => {
    expect(
      readKitActivationForm(
        formOf({ barcode: "GT1234567897", ...newPerson, ...signed, ...change }),
        TODAY
      )
    ).toEqual({ problem })
  })
})
