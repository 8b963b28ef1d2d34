import { act, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { VideoCallRoom } from "@/components/video-call/video-call-room"

const ticket = {
  token: "tok.sig",
  expires_at: "2026-12-07T06:05:00.000Z",
  role: "member" as const,
  room: "cons_1",
  signalling_url: "ws://signal/ws/video",
  ice_servers: [],
  mini_program: null,
}

const stopped: string[] = []
const fakeStream = {
  getTracks: () => [{ kind: "video", stop: () => stopped.push("video") }],
  getAudioTracks: () => [],
  getVideoTracks: () => [],
}

function withCamera(getUserMedia: () => Promise<unknown>) {
  Object.defineProperty(navigator, "mediaDevices", {
    configurable: true,
    value: { getUserMedia: jest.fn(getUserMedia) },
  })
}

beforeEach(() => {
  stopped.length = 0
  // jsdom has no media elements' srcObject setter worth keeping.
  Object.defineProperty(HTMLMediaElement.prototype, "srcObject", {
    configurable: true,
    set() {},
    get() {
      return null
    },
  })
})

it("says in Chinese how to allow the camera when the browser refuses it, and asks for no ticket", async () => {
  withCamera(() => Promise.reject(Object.assign(new Error("denied"), { name: "NotAllowedError" })))
  const fetchTicket = jest.fn(async () => ticket)
  render(<VideoCallRoom fetchTicket={fetchTicket} peerLabel="医生" />)
  expect(screen.getByTestId("video-call-state").textContent).toBe("尚未进入诊室")
  fireEvent.click(screen.getByRole("button", { name: "进入视频诊室" }))
  expect((await screen.findByRole("alert")).textContent).toContain("允许本网站使用摄像头和麦克风")
  expect(fetchTicket).not.toHaveBeenCalled()
  expect(screen.getByRole("button", { name: "进入视频诊室" })).toBeTruthy()
})

it("shows commerce's refusal of the ticket and lets go of the camera", async () => {
  withCamera(async () => fakeStream)
  render(
    <VideoCallRoom
      fetchTicket={async () => ({ error: "请先完成支付，再进入视频问诊" })}
      peerLabel="医生"
    />
  )
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "进入视频诊室" }))
  })
  await waitFor(() =>
    expect(screen.getByRole("alert").textContent).toBe("请先完成支付，再进入视频问诊")
  )
  expect(stopped).toEqual(["video"])
})

it("enters the room through the signalling socket with the ticket's token", async () => {
  withCamera(async () => fakeStream)
  const opened: string[] = []
  class FakeSocket {
    readyState = 0
    onmessage = null
    onclose = null
    constructor(url: string) {
      opened.push(url)
    }
    send() {}
    close() {}
  }
  ;(globalThis as { WebSocket: unknown }).WebSocket = FakeSocket
  render(<VideoCallRoom fetchTicket={async () => ticket} peerLabel="医生" />)
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "进入视频诊室" }))
  })
  await waitFor(() => expect(opened).toEqual(["ws://signal/ws/video?token=tok.sig"]))
  expect(screen.getByTestId("video-call-state").textContent).toBe("正在进入诊室…")
  expect(screen.getByRole("button", { name: "挂断" })).toBeTruthy()
  fireEvent.click(screen.getByRole("button", { name: "挂断" }))
  expect(screen.getByTestId("video-call-state").textContent).toBe("通话已结束")
  expect(stopped).toEqual(["video"])
})
