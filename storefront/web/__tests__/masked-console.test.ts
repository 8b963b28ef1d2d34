/** @jest-environment node */
import { installMaskedConsole } from "@/lib/masked-console"

const PHONE = "13812345678"

describe("the web server's masked console", () => {
  it("masks phone numbers, e-mails and personal fields in what the web logs", () => {
    const lines: unknown[][] = []
    const sink = { error: (...args: unknown[]) => lines.push(args) } as unknown as Console
    for (const method of ["warn", "info", "log"] as const) sink[method] = sink.error
    installMaskedConsole(sink)

    sink.error("[account]", new Error(`手机号 ${PHONE} 已绑定其他账号`))
    sink.warn("[checkout] for", { email: "wang@example.com", cart_id: "cart_1", note: PHONE })

    const [[context, error], [, fields]] = lines as [[string, Error], [string, object]]
    expect(context).toBe("[account]")
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toBe("手机号 [phone] 已绑定其他账号")
    expect(error.stack).not.toContain(PHONE)
    expect(fields).toEqual({ email: "[masked]", cart_id: "cart_1", note: "[phone]" })
    expect(JSON.stringify(lines)).not.toContain(PHONE)
  })
})
