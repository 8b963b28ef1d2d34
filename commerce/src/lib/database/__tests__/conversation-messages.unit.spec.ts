import { Client } from "@medusajs/framework/pg"
import { randomUUID } from "node:crypto"
import type { Sql } from "../context-sql"
import {
  conversationMessages,
  latestConversationMessageId,
  type MessageTable,
} from "../conversation-messages"

jest.setTimeout(60_000)

const server = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}
const database = `conversation_messages_${randomUUID().slice(0, 8)}`
const admin = new Client({ ...server, database: "postgres" })
const client = new Client({ ...server, database })

/** MikroORM's `?` placeholders, as the module services run them, on a plain pg client. */
const sql: Sql = {
  async execute<T>(text: string, params: unknown[] = []) {
    let n = 0
    return (
      await client.query(
        text.replace(/\?/g, () => `$${++n}`),
        params
      )
    ).rows as T[]
  },
}

const MESSAGES: MessageTable = {
  table: "thread_message",
  conversationColumn: "thread_id",
  columns: "id, thread_id, body",
  pageSize: 3,
}

const bodies = (rows: { body: string }[]) => rows.map((row) => row.body)

beforeAll(async () => {
  await admin.connect()
  await admin.query(`create database "${database}"`)
  await client.connect()
  await client.query(`create table thread_message (id text primary key, thread_id text not null,
    body text not null, created_at timestamptz not null, deleted_at timestamptz null)`)
  // m2a and m2b share an instant: the id breaks the tie.
  await client.query(`insert into thread_message values
    ('m1', 't1', 'first', '2026-12-01T08:00:00Z', null),
    ('m2b', 't1', 'second b', '2026-12-01T08:01:00Z', null),
    ('m2a', 't1', 'second a', '2026-12-01T08:01:00Z', null),
    ('m3', 't1', 'withdrawn', '2026-12-01T08:02:00Z', '2026-12-01T08:03:00Z'),
    ('m4', 't1', 'third', '2026-12-01T08:04:00Z', null),
    ('m5', 't1', 'fourth', '2026-12-01T08:05:00Z', null),
    ('o1', 't2', 'elsewhere', '2026-12-01T08:00:30Z', null)`)
})

afterAll(async () => {
  await client.end()
  await admin.query(`drop database if exists "${database}"`)
  await admin.end()
})

describe("conversation messages", () => {
  it("reads a conversation oldest first, one page at a time, without deleted messages", async () => {
    const first = await conversationMessages<{ id: string; body: string }>(
      sql,
      MESSAGES,
      "t1",
      null
    )
    expect(bodies(first)).toEqual(["first", "second a", "second b"])
    const next = await conversationMessages<{ body: string }>(sql, MESSAGES, "t1", first[2].id)
    expect(bodies(next)).toEqual(["third", "fourth"])
  })

  it("reads from the start after an id the conversation does not have", async () => {
    const fromOther = await conversationMessages<{ body: string }>(sql, MESSAGES, "t1", "o1")
    expect(bodies(fromOther)).toEqual(["first", "second a", "second b"])
    const madeUp = await conversationMessages<{ body: string }>(sql, MESSAGES, "t2", "nope")
    expect(bodies(madeUp)).toEqual(["elsewhere"])
  })

  it("names the newest message as where a live stream starts, none before the first", async () => {
    expect(await latestConversationMessageId(sql, MESSAGES, "t1")).toBe("m5")
    expect(await latestConversationMessageId(sql, MESSAGES, "t3")).toBeNull()
  })
})
