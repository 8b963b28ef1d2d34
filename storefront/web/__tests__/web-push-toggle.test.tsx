import { act, fireEvent, render, screen } from "@testing-library/react"
import { WebPushToggle } from "@/components/pwa/web-push-toggle"
import { applicationServerKey } from "@/lib/pwa/push-support"

// A P-256 public key as commerce hands it out (base64url, 65 bytes).
const PUBLIC_KEY = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString("base64url")

type Permission = "default" | "granted" | "denied"

/** The browser's Notification, PushManager and service worker, as far as the switch uses them. */
function fakeBrowser({
  permission = "default" as Permission,
  answer = "granted" as Permission,
  subscribed = false,
} = {}) {
  const calls = { requestPermission: 0, subscribe: [] as any[], unsubscribe: 0 }
  let current: any = null
  const subscription = () => ({
    endpoint: "https://fcm.googleapis.com/fcm/send/abc",
    toJSON: () => ({
      endpoint: "https://fcm.googleapis.com/fcm/send/abc",
      expirationTime: null,
      keys: { p256dh: "BPk", auth: "au" },
    }),
    unsubscribe: async () => {
      calls.unsubscribe++
      current = null
      return true
    },
  })
  if (subscribed) current = subscription()
  const registration = {
    active: {},
    pushManager: {
      getSubscription: async () => current,
      subscribe: async (options: any) => {
        calls.subscribe.push(options)
        current = subscription()
        return current
      },
    },
  }
  const notification = {
    permission,
    requestPermission: async () => {
      calls.requestPermission++
      notification.permission = answer
      return answer
    },
  }
  Object.assign(window, { Notification: notification, PushManager: function PushManager() {} })
  Object.defineProperty(navigator, "serviceWorker", {
    configurable: true,
    value: {
      getRegistration: async () => registration,
      ready: Promise.resolve(registration),
      register: async () => registration,
    },
  })
  return calls
}

afterEach(() => {
  delete (window as any).Notification
  delete (window as any).PushManager
  delete (navigator as any).serviceWorker
})

const mount = async (publicKey: string | null = PUBLIC_KEY) => {
  const save = jest.fn().mockResolvedValue({})
  const remove = jest.fn().mockResolvedValue({})
  await act(async () => {
    render(<WebPushToggle publicKey={publicKey} save={save} remove={remove} />)
  })
  return { save, remove, toggle: screen.getByTestId("web-push-toggle") }
}

describe("开启消息提醒", () => {
  it("asks for permission only when tapped, then subscribes with the server's key and saves", async () => {
    const calls = fakeBrowser()
    const { save, toggle } = await mount()
    expect(toggle.dataset.state).toBe("off")
    expect(calls.requestPermission).toBe(0)

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "开启消息提醒" })))
    expect(calls.requestPermission).toBe(1)
    expect(calls.subscribe).toEqual([
      { userVisibleOnly: true, applicationServerKey: applicationServerKey(PUBLIC_KEY) },
    ])
    expect(save).toHaveBeenCalledWith({
      endpoint: "https://fcm.googleapis.com/fcm/send/abc",
      expirationTime: null,
      keys: { p256dh: "BPk", auth: "au" },
    })
    expect(toggle.dataset.state).toBe("on")
    expect(screen.getByRole("status").textContent).toBe("已开启：新消息会通过本浏览器通知您。")
  })

  it("switches off: the server forgets the browser, then the browser its subscription", async () => {
    const calls = fakeBrowser({ permission: "granted", subscribed: true })
    const { remove, toggle } = await mount()
    expect(toggle.dataset.state).toBe("on")
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "关闭消息提醒" })))
    expect(remove).toHaveBeenCalledWith("https://fcm.googleapis.com/fcm/send/abc")
    expect(calls.unsubscribe).toBe(1)
    expect(toggle.dataset.state).toBe("off")
  })

  it("says how to undo a block, and offers no button, when the browser denied notifications", async () => {
    fakeBrowser({ permission: "denied" })
    await mount()
    expect(screen.getByRole("status").textContent).toContain("通知权限已被浏览器拒绝")
    expect(screen.queryByRole("button")).toBeNull()
  })

  it("stays off, saying so, when the member dismisses the permission prompt", async () => {
    fakeBrowser({ answer: "default" })
    const { save, toggle } = await mount()
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "开启消息提醒" })))
    expect(toggle.dataset.state).toBe("off")
    expect(screen.getByRole("alert").textContent).toContain("您未允许通知")
    expect(save).not.toHaveBeenCalled()
  })

  it("undoes the browser subscription when the server refuses it", async () => {
    const calls = fakeBrowser()
    const save = jest.fn().mockResolvedValue({ error: "消息提醒暂未开放" })
    await act(async () => {
      render(<WebPushToggle publicKey={PUBLIC_KEY} save={save} remove={jest.fn()} />)
    })
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "开启消息提醒" })))
    expect(screen.getByRole("alert").textContent).toBe("消息提醒暂未开放")
    expect(calls.unsubscribe).toBe(1)
    expect(screen.getByTestId("web-push-toggle").dataset.state).toBe("off")
  })

  it("says the browser cannot, where there is no Push API (iPhone Safari outside the home screen)", async () => {
    Object.defineProperty(navigator, "serviceWorker", { configurable: true, value: {} })
    await mount()
    expect(screen.getByRole("status").textContent).toContain("当前浏览器不支持消息提醒")
    expect(screen.queryByRole("button")).toBeNull()
  })

  it("says reminders are not open yet when the server has no VAPID key", async () => {
    fakeBrowser()
    await mount(null)
    expect(screen.getByRole("status").textContent).toBe("消息提醒暂未开放。")
    expect(screen.queryByRole("button")).toBeNull()
  })
})

describe("applicationServerKey", () => {
  it("decodes the base64url VAPID key to its 65 bytes", () => {
    const bytes = applicationServerKey(PUBLIC_KEY)
    expect(bytes.length).toBe(65)
    expect(bytes[0]).toBe(4)
    expect(Buffer.from(bytes).toString("base64url")).toBe(PUBLIC_KEY)
  })
})
