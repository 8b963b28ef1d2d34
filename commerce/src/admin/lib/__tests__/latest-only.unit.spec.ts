import { latestOnly } from "../latest-only"

/** A request whose answer the test releases by hand, in any order. */
function controlledRequests() {
  const pending = new Map<string, { resolve: (v: string) => void; reject: (e: Error) => void }>()
  const request = (key: string) =>
    new Promise<string>((resolve, reject) => pending.set(key, { resolve, reject }))
  return { request, pending }
}

const flush = () => new Promise((resolve) => setImmediate(resolve))

describe("latestOnly", () => {
  it("drops an earlier filter's answer that arrives after the latest one", async () => {
    const { request, pending } = controlledRequests()
    const load = latestOnly(request)
    const shown: string[] = []
    void load("active").then((rows) => shown.push(rows))
    void load("all").then((rows) => shown.push(rows))
    pending.get("all")!.resolve("全部的行")
    await flush()
    pending.get("active")!.resolve("进行中的行")
    await flush()
    expect(shown).toEqual(["全部的行"])
  })

  it("drops an earlier call's error too, and delivers the latest call's error", async () => {
    const { request, pending } = controlledRequests()
    const load = latestOnly(request)
    const errors: string[] = []
    void load("a").catch((e: Error) => errors.push(e.message))
    void load("b").catch((e: Error) => errors.push(e.message))
    pending.get("a")!.reject(new Error("旧的失败"))
    pending.get("b")!.reject(new Error("网络连接失败"))
    await flush()
    expect(errors).toEqual(["网络连接失败"])
  })

  it("delivers every answer of calls made one after another", async () => {
    const load = latestOnly(async (n: number) => n * 2)
    expect(await load(1)).toBe(2)
    expect(await load(2)).toBe(4)
  })
})
