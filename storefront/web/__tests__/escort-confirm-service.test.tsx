import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import { ConfirmService } from "@/components/escort/confirm-service"

describe("ConfirmService", () => {
  it("asks for a rating first, then confirms with the stars and tags chosen", async () => {
    const confirm = jest.fn(async () => ({ notice: "已确认服务完成，感谢您的评价" }))
    render(
      <ConfirmService
        bookingId="escbk_1"
        status="completed"
        confirm={confirm}
        dispute={jest.fn()}
      />
    )
    const submit = screen.getByRole("button", { name: "请先打分" })
    expect((submit as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByRole("radio", { name: "4 星" }))
    fireEvent.click(screen.getByLabelText("耐心细致"))
    fireEvent.click(screen.getByRole("button", { name: "评价并确认完成" }))
    await waitFor(() => expect(screen.getByText("已确认服务完成，感谢您的评价")).toBeTruthy())
    expect(confirm).toHaveBeenCalledWith("escbk_1", 4, ["耐心细致"])
    expect(screen.queryByRole("button", { name: "评价并确认完成" })).toBeNull()
  })

  it("disputes with a reason instead, showing the server's refusal in Chinese", async () => {
    const dispute = jest.fn(async () => ({ error: "服务已确认或已超过申诉期限，不能再申诉" }))
    render(
      <ConfirmService
        bookingId="escbk_1"
        status="completed"
        confirm={jest.fn()}
        dispute={dispute}
      />
    )
    fireEvent.click(screen.getByRole("button", { name: "服务有问题，我要申诉" }))
    expect((screen.getByRole("button", { name: "提交申诉" }) as HTMLButtonElement).disabled).toBe(
      true
    )
    fireEvent.change(screen.getByLabelText("申诉原因"), { target: { value: "迟到一小时" } })
    fireEvent.click(screen.getByRole("button", { name: "提交申诉" }))
    await waitFor(() =>
      expect(screen.getByText("服务已确认或已超过申诉期限，不能再申诉")).toBeTruthy()
    )
    expect(dispute).toHaveBeenCalledWith("escbk_1", "迟到一小时")
  })

  it("shows nothing before the service is finished or once it is confirmed", () => {
    const { container, rerender } = render(
      <ConfirmService bookingId="b" status="accompanying" confirm={jest.fn()} dispute={jest.fn()} />
    )
    expect(container.innerHTML).toBe("")
    rerender(
      <ConfirmService bookingId="b" status="confirmed" confirm={jest.fn()} dispute={jest.fn()} />
    )
    expect(container.innerHTML).toBe("")
  })
})
