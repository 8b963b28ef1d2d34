import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import { ConfirmService } from "../src/packages/escort/detail/confirm-service"
import { fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => stand.reset())

describe("陪诊 confirm and dispute", () => {
  it("confirms with the stars and tags chosen, then reloads the booking", async () => {
    const sent: unknown[] = []
    fakeBackend({
      "POST /store/escort-bookings/escbk_1/confirm": ({ body }: { body: unknown }) => {
        sent.push(body)
        return { body: { booking: { id: "escbk_1", status: "confirmed" } } }
      },
    })
    const onDone = jest.fn(async () => undefined)
    render(<ConfirmService token="tok" bookingId="escbk_1" status="completed" onDone={onDone} />)
    const submit = screen.getByTestId("escort-rate-confirm") as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    fireEvent.click(screen.getByTestId("escort-star-5"))
    fireEvent.click(screen.getByTestId("escort-tag-准时"))
    fireEvent.click(submit)
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(sent).toEqual([{ rating: 5, tags: ["准时"] }])
  })

  it("disputes with a reason and shows commerce's refusal in Chinese", async () => {
    fakeBackend({
      "POST /store/escort-bookings/escbk_1/dispute": refuse(
        409,
        "服务已确认或已超过申诉期限，不能再申诉"
      ),
    })
    const onDone = jest.fn(async () => undefined)
    render(<ConfirmService token="tok" bookingId="escbk_1" status="completed" onDone={onDone} />)
    fireEvent.click(screen.getByTestId("escort-dispute"))
    fireEvent.change(screen.getByTestId("escort-dispute-reason"), { target: { value: "迟到" } })
    fireEvent.click(screen.getByTestId("escort-dispute-submit"))
    expect((await screen.findByTestId("escort-confirm-error")).textContent).toBe(
      "服务已确认或已超过申诉期限，不能再申诉"
    )
    expect(onDone).not.toHaveBeenCalled()
  })

  it("shows nothing unless the service is 服务完成", () => {
    const { container } = render(
      <ConfirmService token="tok" bookingId="b" status="confirmed" onDone={jest.fn()} />
    )
    expect(container.innerHTML).toBe("")
  })
})
