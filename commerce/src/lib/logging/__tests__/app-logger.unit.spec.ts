import { AppLogger } from "../app-logger"

function loggerWithLines() {
  const lines: string[] = []
  const logger = new AppLogger({ format: "json", write: (line) => lines.push(line) })
  return { logger, lines: () => lines.map((line) => JSON.parse(line)) }
}

describe("AppLogger", () => {
  it("writes a line for whatever was caught, not only strings and Errors", () => {
    const { logger, lines } = loggerWithLines()
    // What a route's catch may hand on: a thrown object, a number, nothing at all.
    logger.error({ reason: "E_WEIRD", phone: "13812345678" } as never)
    logger.error(undefined as never)
    logger.error(42 as never)
    expect(lines().map((line) => line.message)).toEqual([
      '{"reason":"E_WEIRD","phone":"[masked]"}',
      "undefined",
      "42",
    ])
  })

  it("masks personal data in messages and fields", () => {
    const { logger, lines } = loggerWithLines()
    logger.error("下单失败 13812345678", new Error("boom"))
    logger.info("查询 11010519491231002X")
    const [failed, query] = lines()
    expect(failed.message).toBe("下单失败 [phone]")
    expect(query.message).toBe("查询 [id-number]")
  })
})
