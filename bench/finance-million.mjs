// 财务统计 at a million orders (#18 item 7): a throwaway database cloned from a migrated one
// (BENCH_FINANCE_TEMPLATE, else migrated here), BENCH_ORDERS (1,000,000) orders over
// BENCH_DAYS (365) Beijing days up to now, with payments, captures, refunds, store credit,
// three ledger lines per order (3,000,000) and paid withdrawals, all generated in SQL with
// generate_series. Then, in-process (`medusa exec`: the code and SQL behind
// /admin/finance/summary and 分销核算, without HTTP), the rollup job runs once and every
// report is timed BENCH_FINANCE_RUNS (50) times, interleaved with a plain aggregate query
// over the raw tables (the baseline) and, a few times, the same report read raw (the code
// path before the rollup). The database is dropped at the end (BENCH_FINANCE_KEEP=1 keeps it).
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"

const here = path.dirname(fileURLToPath(import.meta.url))
const commerce = path.join(here, "..", "commerce")

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

export const summaryOf = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), runs: sorted.length }
}

/**
 * The generated volume, in one transaction with triggers and foreign keys off
 * (session_replication_role = replica): the rows are consistent by construction. Order i
 * has one product (a fifth of them two), pays by WeChat (web or mini-program), Alipay or
 * offline; nine in ten are captured, one captured in ten is partly refunded, one in twenty
 * spends store credit. Each order writes three ledger lines: a commission, then either its
 * maturation (pending → available, two lines) or, when refunded, a reversal and a level-2
 * commission.
 */
export function generationSql({ orders, days }) {
  const customers = Math.max(10, Math.floor(orders / 5))
  const affiliates = Math.max(10, Math.floor(orders / 50))
  const money = (col) => `jsonb_build_object('value', (${col})::text, 'precision', 20)`
  return `
set session_replication_role = replica;
create temporary table bench_o on commit drop as
select i,
       'order_b' || i as order_id,
       'cus_b' || (i % ${customers}) as customer_id,
       now() - interval '${days} days' * (1 - (i - 0.5) / ${orders}.0) as at,
       (array['pending','completed','completed','completed','canceled'])[1 + i % 5]::order_status_enum as status,
       (199 + (i * 37) % 2800)::numeric as price,
       (99 + (i * 13) % 400)::numeric as price2,
       i % 5 = 0 as two_products,
       (array['pp_wechatpay_wechatpay','pp_wechatpay_wechatpay','pp_wechatpay_wechatpay',
              'pp_wechatpay_wechatpay','pp_alipay_alipay','pp_alipay_alipay','pp_system_default',
              'pp_system_default','pp_wechatpay_wechatpay','pp_alipay_alipay'])[1 + i % 10] as provider,
       i % 10 <> 3 as captured,
       i % 10 <> 3 and i % 100 < 10 as refunded,
       i % 20 = 7 as credit
  from generate_series(1, ${orders}) i;
alter table bench_o add primary key (i);
insert into customer (id, email, first_name, last_name, has_account, created_at, updated_at)
select 'cus_b' || c, 'bench' || c || '@example.com', '压测', '会员' || c, true, now(), now()
  from generate_series(0, ${customers - 1}) c;
insert into affiliate (id, customer_id, code, status, created_at, updated_at)
select 'aff_b' || a, 'cus_b' || a, 'BENCH' || a, 'member', now(), now()
  from generate_series(0, ${affiliates - 1}) a;
insert into "order" (id, display_id, customer_id, version, status, is_draft_order, currency_code, email, created_at, updated_at, canceled_at)
select order_id, i, customer_id, 1, status, false, 'cny', null, at, at, case when status = 'canceled' then at end
  from bench_o;
insert into order_line_item (id, title, product_id, product_title, unit_price, raw_unit_price, created_at, updated_at)
select 'ordli_b' || i, '检测套餐', 'prod_b' || (i % 20), '基因检测套餐 ' || (i % 20), price, ${money("price")}, at, at
  from bench_o
union all
select 'ordli2_b' || i, '加购', 'prod_b' || ((i + 7) % 20), '基因检测套餐 ' || ((i + 7) % 20), price2, ${money("price2")}, at, at
  from bench_o where two_products;
insert into order_item (id, order_id, version, item_id, quantity, raw_quantity, fulfilled_quantity, shipped_quantity,
                        return_requested_quantity, return_received_quantity, return_dismissed_quantity,
                        written_off_quantity, created_at, updated_at)
select 'orditem_b' || i, order_id, 1, 'ordli_b' || i, 1, ${money("1")}, 0, 0, 0, 0, 0, 0, at, at from bench_o
union all
select 'orditem2_b' || i, order_id, 1, 'ordli2_b' || i, 1, ${money("1")}, 0, 0, 0, 0, 0, 0, at, at
  from bench_o where two_products;
insert into payment_collection (id, currency_code, amount, raw_amount, status, created_at, updated_at)
select 'pay_col_b' || i, 'cny', price + case when two_products then price2 else 0 end,
       ${money("price + case when two_products then price2 else 0 end")},
       case when captured then 'completed' else 'not_paid' end, at, at
  from bench_o;
insert into order_payment_collection (id, order_id, payment_collection_id, created_at, updated_at)
select 'ordpc_b' || i, order_id, 'pay_col_b' || i, at, at from bench_o;
insert into payment (id, amount, raw_amount, currency_code, provider_id, data, payment_collection_id, payment_session_id, created_at, updated_at, captured_at)
select 'pay_b' || i, price + case when two_products then price2 else 0 end,
       ${money("price + case when two_products then price2 else 0 end")}, 'cny', provider,
       case when provider = 'pp_wechatpay_wechatpay' then
         jsonb_build_object('app', case when i % 2 = 0 then 'mini_program' else 'web' end) end,
       'pay_col_b' || i, 'payses_b' || i, at, at, case when captured then at + interval '3 minutes' end
  from bench_o;
insert into capture (id, amount, raw_amount, payment_id, created_at, updated_at)
select 'capt_b' || i, price + case when two_products then price2 else 0 end,
       ${money("price + case when two_products then price2 else 0 end")}, 'pay_b' || i,
       at + interval '3 minutes', at + interval '3 minutes'
  from bench_o where captured;
insert into refund (id, amount, raw_amount, payment_id, created_at, updated_at)
select 'ref_b' || i, round(price / 2, 2), ${money("round(price / 2, 2)")}, 'pay_b' || i,
       least(at + interval '2 days', now() - interval '1 second'), least(at + interval '2 days', now() - interval '1 second')
  from bench_o where refunded;
insert into order_credit_line (id, order_id, reference, reference_id, amount, raw_amount, created_at, updated_at)
select 'ordcl_b' || i, order_id, 'affiliate_store_credit', 'aff_b' || (i % ${affiliates}), 10, ${money("10")}, at, at
  from bench_o where credit;
insert into affiliate_ledger_entry (id, affiliate_id, bucket, kind, amount, idempotency_key, order_id, product_id,
                                    buyer_customer_id, level, rate_bp, base_amount, reverses_entry_id, created_at, updated_at)
select 'afle_b' || i || '_' || n, 'aff_b' || case when n = 3 and refunded then (i + 1) % ${affiliates} else i % ${affiliates} end,
       case when n = 3 and not refunded then 'available' else 'pending' end,
       case when n = 1 then 'commission' when refunded and n = 2 then 'reversal'
            when refunded then 'commission' else 'maturation' end,
       case when n = 1 then (price * 10)::int when n = 2 then -(price * 10)::int
            when refunded then (price * 5)::int else (price * 10)::int end,
       'bench-' || i || '-' || n, order_id, case when n <> 2 or refunded then 'prod_b' || (i % 20) end,
       customer_id, case when n = 3 and refunded then 2 else 1 end, 1000, (price * 100)::int,
       case when n = 2 and refunded then 'afle_b' || i || '_1' end,
       case when n = 1 then at + interval '3 minutes'
            else least(at + interval '7 days', now() - interval '1 second') end,
       at
  from bench_o, generate_series(1, 3) n;
insert into affiliate_withdrawal (id, affiliate_id, amount, method, status, request_key, paid_at, created_at, updated_at)
select 'afwd_b' || w, 'aff_b' || (w % ${affiliates}), 5000 + w % 5000, 'bank', 'paid', 'bench-wd-' || w,
       now() - interval '${days} days' * (1 - (w - 0.5) / ${Math.max(1, Math.floor(orders / 20))}.0),
       now() - interval '${days} days', now()
  from generate_series(1, ${Math.max(1, Math.floor(orders / 20))}) w;
`
}

async function withClient(url, run) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

export async function financeMillionBench({
  orders = 1_000_000,
  days = 365,
  runs = 50,
  adminUrl = process.env.DATABASE_URL || "postgres://postgres@localhost:5432/postgres",
  template = process.env.BENCH_FINANCE_TEMPLATE || "",
  keep = process.env.BENCH_FINANCE_KEEP === "1",
  // A database kept from an earlier run (generated once): migrated again and measured,
  // never dropped. Created, migrated and generated when it does not exist yet.
  reuse = process.env.BENCH_FINANCE_DATABASE || "",
} = {}) {
  const server = new URL(adminUrl)
  const database = reuse || `bench_finance_${process.pid}`
  const at = (db) => Object.assign(new URL(server), { pathname: `/${db}` }).toString()
  const t0 = Date.now()
  const exists = await withClient(at("postgres"), async (c) => {
    const found = (await c.query("select 1 from pg_database where datname = $1", [database]))
      .rowCount
    if (!found) {
      await c.query(`create database "${database}"${template ? ` template "${template}"` : ""}`)
    }
    return Boolean(found)
  })
  const env = { ...process.env, DATABASE_URL: at(database) }
  try {
    if (!template || exists) {
      execFileSync("npx", ["medusa", "db:migrate", "--skip-scripts"], {
        cwd: commerce,
        env,
        stdio: ["ignore", "inherit", "inherit"],
      })
    }
    const generated = Date.now()
    if (!exists) {
      await withClient(at(database), async (c) => {
        await c.query("begin")
        await c.query(generationSql({ orders, days }))
        await c.query("commit")
        // As autovacuum leaves a live database: statistics, and the visibility map that lets
        // index-only scans skip the heap (the plain aggregate profits as much as the reports).
        await c.query("vacuum (analyze)")
      })
    }
    const generateSeconds = exists ? 0 : (Date.now() - generated) / 1000
    console.log(
      exists
        ? `finance-million: measuring the orders kept in ${database}`
        : `finance-million: generated ${orders} orders in ${generateSeconds.toFixed(0)} s`
    )
    const out = path.join(mkdtempSync(path.join(tmpdir(), "bench-finance-")), "samples.json")
    execFileSync(
      "npx",
      ["medusa", "exec", "./src/scripts/bench-finance.ts", out, String(runs), String(days)],
      { cwd: commerce, env, stdio: ["ignore", "inherit", "inherit"] }
    )
    const run = JSON.parse(readFileSync(out, "utf8"))
    const reports = Object.fromEntries(
      Object.entries(run.reports).map(([name, r]) => [
        name,
        {
          candidate: summaryOf(r.rollup),
          baseline: summaryOf(r.plain),
          raw: r.raw.length ? summaryOf(r.raw) : null,
          // Today's finished hours read raw, as before the hourly rollup.
          today_raw: r.today_raw?.length ? summaryOf(r.today_raw) : null,
          // 分销核算 with the current month's finished days read raw, as before the ledger's
          // day rollup.
          days_raw: r.days_raw?.length ? summaryOf(r.days_raw) : null,
        },
      ])
    )
    const candidate = summaryOf(Object.values(run.reports).flatMap((r) => r.rollup))
    const baseline = summaryOf(Object.values(run.reports).flatMap((r) => r.plain))
    return {
      name: `finance reports over ${orders} orders and ${3 * orders} ledger lines: summary/breakdowns/分销核算 (in-process) vs a plain aggregate over the raw tables (baseline)`,
      baseline: { ...baseline, orders },
      candidate: { ...candidate, orders },
      ratio: candidate.p50 / baseline.p50,
      ratio_p95: candidate.p95 / baseline.p95,
      reports,
      rollup_seconds: run.rollup_seconds,
      rollup_days: run.rollup_days,
      generate_seconds: generateSeconds,
      seconds: (Date.now() - t0) / 1000,
    }
  } finally {
    if (!keep && !reuse) {
      await withClient(at("postgres"), (c) =>
        c.query(`drop database if exists "${database}" with (force)`)
      )
    }
  }
}
