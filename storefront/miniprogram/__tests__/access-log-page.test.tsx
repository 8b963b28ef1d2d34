import { fireEvent, render, screen, waitFor } from "@testing-library/react"
import AccessLog from "../src/packages/health/access-log/index"
import { session } from "../src/lib/session"
import { fakeBackend } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => {
  stand.reset()
  process.env.TARO_ENV = "h5"
})

const row = (n: number) => ({
  id: `aacc_${n}`,
  at: `2026-12-0${n}T02:30:00.000Z`,
  actor: n === 3 ? "doctor" : "self",
  actor_name: n === 3 ? "李慧敏" : null,
  action: n === 3 ? "doctor_view" : "view",
  resource_type: "upload",
})

describe("档案访问记录", () => {
  it("lists who read the archive, newest first, and loads older rows on request", async () => {
    session.setToken("tok_1")
    const asked: string[] = []
    fakeBackend({
      "GET /store/health-archive/access-log": ({ url }: { url: URL }) => {
        asked.push(url.search)
        const offset = Number(url.searchParams.get("offset"))
        const entries = offset === 0 ? [row(3), row(2)] : [row(1)]
        return { body: { entries, count: 3, offset, limit: 20 } }
      },
    })
    render(<AccessLog />)
    await waitFor(() => expect(screen.getAllByTestId("access-log-entry")).toHaveLength(2))
    expect(screen.getAllByTestId("access-log-entry")[0].textContent).toBe(
      "2026-12-03 10:30医生 李慧敏 查看了（问诊共享）上传的医院资料"
    )
    fireEvent.click(screen.getByTestId("access-log-more"))
    await waitFor(() => expect(screen.getAllByTestId("access-log-entry")).toHaveLength(3))
    expect(screen.queryByTestId("access-log-more")).toBeNull()
    expect(asked).toEqual(["?offset=0&limit=20", "?offset=2&limit=20"])
  })

  it("explains the empty log", async () => {
    session.setToken("tok_1")
    fakeBackend({
      "GET /store/health-archive/access-log": { entries: [], count: 0, offset: 0, limit: 20 },
    })
    render(<AccessLog />)
    expect(await screen.findByText(/还没有访问记录/)).toBeTruthy()
  })
})
