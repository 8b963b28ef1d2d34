import { act, fireEvent, render, screen } from "@testing-library/react"
import { ProfileForm } from "@/components/account/profile-form"

const profile = { last_name: "张", first_name: "三", birth_date: "1990-05-20", occupation: "" }

describe("ProfileForm", () => {
  it("shows the profile and the email, with no birth date after today", async () => {
    const save = jest.fn().mockResolvedValue({ notice: "资料已保存" })
    render(<ProfileForm profile={profile} email="a@b.cn" today="2026-11-24" save={save} />)
    expect((screen.getByLabelText("姓") as HTMLInputElement).value).toBe("张")
    const birth = screen.getByLabelText("出生日期") as HTMLInputElement
    expect([birth.value, birth.max]).toEqual(["1990-05-20", "2026-11-24"])
    expect(screen.getByTestId("profile-email").textContent).toBe("a@b.cn")

    fireEvent.change(screen.getByLabelText("职业"), { target: { value: "教师" } })
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "保存资料" })))
    expect((save.mock.calls[0][1] as FormData).get("occupation")).toBe("教师")
    expect(screen.getByRole("status").textContent).toBe("资料已保存")
  })

  it("says when a member has no email", () => {
    render(<ProfileForm profile={profile} email={null} today="2026-11-24" save={jest.fn()} />)
    expect(screen.getByTestId("profile-email").textContent).toBe("未绑定")
  })
})
