import { passwordProblem, passwordRule } from "../password-policy"

describe("password policy", () => {
  it.each(["Secret12345", "abc12345", "12345678a", "密码Secret1"])("accepts %s", (password) => {
    expect(passwordProblem(password)).toBeNull()
  })

  it.each([
    ["a", passwordRule()],
    ["abc1234", passwordRule()],
    ["abcdefgh", passwordRule()],
    ["12345678", passwordRule()],
    [`a1${"x".repeat(71)}`, "密码不能超过 72 位"],
    ["", "请输入密码"],
    [undefined, "请输入密码"],
    [12345678, "请输入密码"],
  ])("refuses %p in Chinese", (password, message) => {
    expect(passwordProblem(password)).toBe(message)
  })

  it("names the new password when changing it", () => {
    expect(passwordProblem("short7!", "新密码")).toBe("新密码至少 8 位，且需同时包含字母和数字")
  })
})
