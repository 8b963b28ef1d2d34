/** @jest-environment node */
import { parseRevalidateRequest } from "@/lib/revalidate-request"

const request = (body: unknown, secret?: string) =>
  new Request("http://web/api/revalidate", {
    method: "POST",
    headers: secret === undefined ? {} : { "x-revalidate-secret": secret },
    body: typeof body === "string" ? body : JSON.stringify(body),
  })

describe("revalidation requests", () => {
  it("accepts the right secret and a list of tags", async () => {
    await expect(
      parseRevalidateRequest(
        request({ tags: ["products", "product:tumor-risk"] }, "s3cret"),
        "s3cret"
      )
    ).resolves.toEqual({
      ok: true,
      tags: ["products", "product:tumor-risk"],
    })
  })

  it("refuses a missing or wrong secret with 401", async () => {
    await expect(
      parseRevalidateRequest(request({ tags: ["products"] }), "s3cret")
    ).resolves.toMatchObject({ ok: false, status: 401 })
    await expect(
      parseRevalidateRequest(request({ tags: ["products"] }, "guess"), "s3cret")
    ).resolves.toMatchObject({ ok: false, status: 401 })
  })

  it("believes nobody while no secret is configured, not even the old published default", async () => {
    jest.resetModules()
    const saved = process.env.REVALIDATE_SECRET
    delete process.env.REVALIDATE_SECRET
    try {
      const { env } = await import("@/lib/env")
      for (const header of ["", "dev-revalidate-secret"]) {
        await expect(
          parseRevalidateRequest(request({ tags: ["products"] }, header), env.revalidateSecret)
        ).resolves.toMatchObject({ ok: false, status: 401 })
      }
    } finally {
      if (saved !== undefined) process.env.REVALIDATE_SECRET = saved
    }
  })

  it.each([
    ["not json"],
    [{}],
    [{ tags: [] }],
    [{ tags: ["ok", 3] }],
    [{ tags: ["bad tag with spaces"] }],
  ])("refuses the body %p with 400", async (body) => {
    await expect(parseRevalidateRequest(request(body, "s3cret"), "s3cret")).resolves.toMatchObject({
      ok: false,
      status: 400,
    })
  })
})
