import { eventually } from "../eventually"

describe("eventually", () => {
  it("returns the first value that passes the check", async () => {
    let reads = 0
    const value = await eventually(
      async () => ++reads,
      (n) => n >= 3
    )
    expect(value).toBe(3)
  })

  it("throws after the timeout, naming the condition and the last value read", async () => {
    await expect(
      eventually(
        async () => ({ status: "processing" }),
        (batch) => batch.status === "done",
        300
      )
    ).rejects.toThrow(
      /still not true after 0\.3 s: .*batch\.status === "done".*last value read: \{"status":"processing"\}/
    )
  })
})
