import { ApiError } from "@health/core"
import { readAddressForm } from "@/lib/address-form"
import { memberActionError } from "@/lib/member-action-error"
import { readMembershipForm } from "@/lib/membership-form"
import { hasProfileExtras, readRegistrationForm } from "@/lib/registration-form"
import { readPasswordForm } from "@/lib/password-form"
import { readProfileForm, shanghaiToday } from "@/lib/profile-form"

const formOf = (fields: Record<string, string>) => {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.set(name, value)
  return form
}

describe("readAddressForm", () => {
  const good = {
    name: " 王小明 ",
    phone: "138 0013 8000",
    province: "湖南省",
    city: "岳阳市",
    district: "岳阳楼区",
    street: "南湖大道 1 号",
  }

  it("reads the address with the number as 11 digits", () => {
    expect(readAddressForm(formOf({ ...good, is_default: "yes" }))).toEqual({
      address: {
        name: "王小明",
        phone: "13800138000",
        province: "湖南省",
        city: "岳阳市",
        district: "岳阳楼区",
        street: "南湖大道 1 号",
        is_default: true,
      },
    })
  })

  it("accepts an address without a district only for cities that have none", () => {
    const xiantao = { ...good, province: "湖北省", city: "仙桃市", district: "" }
    expect(readAddressForm(formOf(xiantao)).address?.district).toBe("")
    expect(readAddressForm(formOf({ ...good, district: "" }))).toEqual({
      problem: "请选择岳阳市下的区县",
    })
  })

  it.each([
    [{ name: "" }, "请填写收货人姓名"],
    [{ phone: "1380013800" }, "请输入正确的 11 位手机号"],
    [{ phone: "23800138000" }, "请输入正确的 11 位手机号"],
    [{ province: "" }, "请选择省份"],
    [{ city: " " }, "请选择湖南省下的城市"],
    [{ city: "武汉市" }, "请选择湖南省下的城市"],
    [{ district: "朝阳区" }, "请选择岳阳市下的区县"],
    [{ street: "1号" }, "请填写详细地址（街道、门牌号）"],
  ])("refuses %j with a message", (change, problem) => {
    expect(readAddressForm(formOf({ ...good, ...change }))).toEqual({ problem })
  })
})

describe("readMembershipForm", () => {
  it("reads 个人会员 when no type or any other type is chosen, ignoring company fields", () => {
    expect(readMembershipForm(formOf({}))).toEqual({ membership: { type: "individual" } })
    expect(
      readMembershipForm(formOf({ membership_type: "individual", company_name: "某公司" }))
    ).toEqual({ membership: { type: "individual" } })
  })

  it("reads 团体会员 with the company, trimmed", () => {
    const form = formOf({
      membership_type: "group",
      company_name: " 岳阳某科技有限公司 ",
      company_nature: "企业",
    })
    expect(readMembershipForm(form)).toEqual({
      membership: { type: "group", company_name: "岳阳某科技有限公司", company_nature: "企业" },
    })
  })

  it.each([
    [{ company_name: " ", company_nature: "企业" }, "团体会员请填写单位名称"],
    [{ company_name: "某".repeat(101), company_nature: "企业" }, "单位名称最多 100 个字"],
    [{ company_name: "某公司", company_nature: "" }, "请选择单位性质"],
    [{ company_name: "某公司", company_nature: "外企" }, "请选择单位性质"],
  ])("refuses a group member's %j", (fields, problem) => {
    expect(readMembershipForm(formOf({ membership_type: "group", ...fields }))).toEqual({
      problem,
    })
  })
})

describe("readRegistrationForm", () => {
  const good = {
    name: "王小明",
    email: "wang@example.com",
    password: "Secret12345",
    password_confirm: "Secret12345",
    agree: "yes",
  }

  it("registers a 个人会员 by default, the name split as 姓 and 名", () => {
    const { registration } = readRegistrationForm(formOf(good), "2026-11-24")
    expect(registration).toEqual({
      email: "wang@example.com",
      password: "Secret12345",
      profile: { last_name: "王", first_name: "小明", birth_date: "", occupation: "" },
      membership: { type: "individual" },
    })
    expect(hasProfileExtras(registration!)).toBe(false)
  })

  it("registers a 团体会员 with company, birth date and occupation", () => {
    const { registration } = readRegistrationForm(
      formOf({
        ...good,
        membership_type: "group",
        company_name: "岳阳市第一人民医院",
        company_nature: "事业单位",
        birth_date: "1985-03-01",
        occupation: "医生",
      }),
      "2026-11-24"
    )
    expect(registration?.membership).toEqual({
      type: "group",
      company_name: "岳阳市第一人民医院",
      company_nature: "事业单位",
    })
    expect(registration?.profile).toMatchObject({ birth_date: "1985-03-01", occupation: "医生" })
    expect(hasProfileExtras(registration!)).toBe(true)
  })

  it("needs no name", () => {
    expect(readRegistrationForm(formOf({ ...good, name: "" })).registration?.profile).toMatchObject(
      { last_name: "", first_name: "" }
    )
  })

  it.each([
    [{ email: "wang@" }, "请输入正确的邮箱地址"],
    [{ password: "short", password_confirm: "short" }, "密码至少 8 位"],
    [{ password_confirm: "Secret12346" }, "两次输入的密码不一致"],
    [{ membership_type: "group", company_nature: "企业" }, "团体会员请填写单位名称"],
    [{ membership_type: "group", company_name: "某公司" }, "请选择单位性质"],
    [{ birth_date: "2026-11-25" }, "出生日期不能晚于今天"],
    [{ birth_date: "1990-02-30" }, "请选择正确的出生日期"],
    [{ occupation: "职".repeat(51) }, "职业最多 50 个字"],
    [{ agree: "" }, "请阅读并同意用户协议与隐私政策"],
  ])("refuses %j with a message", (change, problem) => {
    expect(readRegistrationForm(formOf({ ...good, ...change }), "2026-11-24")).toEqual({
      problem,
    })
  })
})

describe("readProfileForm", () => {
  it("reads names, birth date and occupation; empty fields stay empty to clear them", () => {
    const form = formOf({
      last_name: "张",
      first_name: "",
      birth_date: "1990-05-20",
      occupation: "",
    })
    expect(readProfileForm(form, "2026-11-24")).toEqual({
      profile: { last_name: "张", first_name: "", birth_date: "1990-05-20", occupation: "" },
    })
  })

  it.each([
    ["1990-02-30", "请选择正确的出生日期"],
    ["1899-12-31", "请选择正确的出生日期"],
    ["2026-11-25", "出生日期不能晚于今天"],
  ])("refuses the birth date %s", (birth_date, problem) => {
    expect(readProfileForm(formOf({ birth_date }), "2026-11-24")).toEqual({ problem })
  })

  it("counts today in Shanghai, which is ahead of UTC", () => {
    expect(shanghaiToday(new Date("2026-11-24T17:00:00Z"))).toBe("2026-11-25")
  })
})

describe("readPasswordForm", () => {
  const good = {
    current_password: "old-secret",
    new_password: "new-secret",
    new_password_confirm: "new-secret",
  }

  it("reads the current and the new password", () => {
    expect(readPasswordForm(formOf(good))).toEqual({ current: "old-secret", next: "new-secret" })
  })

  it.each([
    [{ current_password: "" }, "请输入当前密码"],
    [{ new_password: "short", new_password_confirm: "short" }, "新密码至少 8 位"],
    [{ new_password_confirm: "new-secreT" }, "两次输入的新密码不一致"],
    [
      { new_password: "old-secret", new_password_confirm: "old-secret" },
      "新密码不能与当前密码相同",
    ],
  ])("refuses %j with a message", (change, problem) => {
    expect(readPasswordForm(formOf({ ...good, ...change }))).toEqual({ problem })
  })
})

describe("memberActionError", () => {
  it("passes the back end's Chinese message on, without Medusa's validation prefix", () => {
    expect(memberActionError(new ApiError(409, "该手机号已绑定其他账号"), "t")).toEqual({
      error: "该手机号已绑定其他账号",
    })
    expect(memberActionError(new ApiError(400, "Invalid request: 新密码至少 8 位"), "t")).toEqual({
      error: "新密码至少 8 位",
    })
  })

  it("asks to sign in again after a 401 and hides server failures", () => {
    expect(memberActionError(new ApiError(401, "Unauthorized"), "t")).toEqual({
      error: "登录已过期，请重新登录",
    })
    const log = jest.spyOn(console, "error").mockImplementation(() => {})
    expect(memberActionError(new Error("socket hang up"), "t")).toEqual({
      error: "网络繁忙，请稍后重试",
    })
    expect(log).toHaveBeenCalled()
    log.mockRestore()
  })
})
