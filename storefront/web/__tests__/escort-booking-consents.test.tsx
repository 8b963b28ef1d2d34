import { ESCORT_CONSENT_DOCUMENTS, type EscortConsentText, type EscortService } from "@health/core"
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

const texts = (version: (kind: string) => string | null): EscortConsentText[] =>
  ESCORT_CONSENT_DOCUMENTS.map((doc) => ({
    ...doc,
    title: doc.label,
    version: version(doc.kind),
    body: `${doc.label}正文`,
  }))

describe("预约陪诊: privacy policy and consents", () => {
  it("asks for each consent on its own and sends the version shown with each ticked box", async () => {
    const book = jest.fn(async (_state: unknown, _form: FormData) => undefined)
    render(
      <EscortBookingForm
        services={services}
        consents={texts((kind) => (kind === "privacy_policy" ? "2026-11" : "2026-12"))}
        book={book}
        today="2026-12-06"
      />
    )
    for (const doc of ESCORT_CONSENT_DOCUMENTS) {
      const box = screen.getByTestId(`escort-consent-${doc.kind}`) as HTMLInputElement
      expect(box.required).toBe(true)
      expect(box.checked).toBe(false)
      fireEvent.click(box)
    }
    expect(screen.getByText("《隐私政策》").getAttribute("href")).toBe("/privacy")
    await act(async () => {
      fireEvent.submit(screen.getByTestId("escort-booking-form"))
    })
    const form = book.mock.calls[0][1]
    expect(form.get("consent_escort_sharing")).toBe("on")
    expect(form.get("consent_version_privacy_policy")).toBe("2026-11")
    expect(form.get("consent_version_escort_sharing")).toBe("2026-12")
  })

  it("cannot book while a consent text is unpublished", () => {
    render(
      <EscortBookingForm
        services={services}
        consents={texts((kind) => (kind === "escort_sharing" ? null : "2026-12"))}
        book={jest.fn()}
        today="2026-12-06"
      />
    )
    expect(screen.getByRole("alert").textContent).toContain(
      "「向陪诊员提供就诊人信息的单独同意」暂未发布"
    )
    expect((screen.getByRole("button", { name: "提交预约" }) as HTMLButtonElement).disabled).toBe(
      true
    )
  })
})

describe("withdrawing an escort booking's consent from the account page", () => {
  it("says what withdrawing the sharing consent means before the member confirms", async () => {
    const { withdrawalQuestion } = await import("@/components/health/consent-list")
    expect(
      withdrawalQuestion({
        kind: "escort_sharing" as never,
        kind_label: "向陪诊员提供就诊人信息的单独同意",
      })
    ).toBe(
      "确定撤回「向陪诊员提供就诊人信息的单独同意」吗？陪诊员将看不到就诊人信息；服务开始前撤回，本次陪诊将无法进行，可取消预约并按规则退款。撤回后如需恢复，须重新签署。"
    )
  })
})
