/**
 * Demo data (demo member, demo catalogue, demo prices) only when SEED_DEMO=1: a shop that
 * goes live starts with reference data alone. `npm start` and the e2e stack set it.
 */
export function wantsDemoData(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SEED_DEMO?.trim() === "1"
}
