import { render, screen } from "@testing-library/react"
import ConsultationVideo from "../src/packages/member/consultation-video/index"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

const ticket = {
  token: "tok.sig",
  expires_at: "2026-12-07T06:05:00.000Z",
  role: "member",
  room: "cons_1",
  signalling_url: "wss://api.example.cn/ws/video",
  ice_servers: [],
}

beforeEach(() => {
  stand.reset()
  stand.params = { id: "cons_1" }
  session.setToken("tok_1")
})

it("shows the consultation's TRTC room when the operator configured TRTC", async () => {
  fakeBackend({
    "POST /store/consultations/cons_1/video/token": () => ({
      body: {
        video: {
          ...ticket,
          mini_program: {
            provider: "trtc",
            sdk_app_id: 1400000000,
            user_id: "m_cus_1",
            user_sig: "eJy-sig",
            str_room_id: "cons_1",
            expires_at: "2026-12-07T08:00:00.000Z",
          },
        },
      },
    }),
  })
  render(<ConsultationVideo />)
  const room = await screen.findByTestId("trtc-room")
  expect(room.textContent).toContain("房间号 cons_1")
  expect(room.textContent).toContain("m_cus_1")
  // The member's own token asked for it; the sig is never shown.
  expect(calls()).toEqual(["POST /store/consultations/cons_1/video/token"])
  expect(stand.requests[0].header?.authorization).toBe("Bearer tok_1")
  expect(room.textContent).not.toContain("eJy-sig")
})

it("says video needs the browser until TRTC is configured, and shows commerce's refusal", async () => {
  fakeBackend({
    "POST /store/consultations/cons_1/video/token": () => ({
      body: { video: { ...ticket, mini_program: null } },
    }),
  })
  const { unmount } = render(<ConsultationVideo />)
  expect((await screen.findByTestId("trtc-not-configured")).textContent).toContain(
    "/account/consultations/cons_1/video"
  )
  unmount()

  fakeBackend({
    "POST /store/consultations/cons_1/video/token": refuse(400, "这次问诊不是视频问诊"),
  })
  render(<ConsultationVideo />)
  expect(await screen.findByText(/这次问诊不是视频问诊/)).toBeTruthy()
})
