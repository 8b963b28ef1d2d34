// Runs `npm run backup` / `npm run restore` (scripts/backup.mjs, scripts/restore.mjs) as an
// operator would, with only the variables given: the services' own DATABASE_URL,
// CMS_DATABASE_URL and S3_* settings.
import { execFile } from "node:child_process"
import path from "node:path"
import { REPO_ROOT } from "./production-services"

export type ScriptRun = { code: number; output: string }

export function runBackupScript(
  script: "backup" | "restore",
  args: string[],
  env: Record<string, string>,
  timeoutMs = 600_000
): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, "scripts", `${script}.mjs`), ...args],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? "/usr/bin:/bin",
          HOME: process.env.HOME ?? "/tmp",
          ...env,
        },
        timeout: timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0
        resolve({ code, output: `${stdout}${stderr}` })
      }
    )
  })
}

/** What backup and restore need to find the databases and the bucket of a production run. */
export function backupEnvironment(settings: {
  databases: { commerce: string; cms: string }
  s3: { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string }
}): Record<string, string> {
  return {
    DATABASE_URL: settings.databases.commerce,
    CMS_DATABASE_URL: settings.databases.cms,
    S3_ENDPOINT: settings.s3.endpoint,
    S3_REGION: "us-east-1",
    S3_BUCKET: settings.s3.bucket,
    S3_ACCESS_KEY_ID: settings.s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: settings.s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
  }
}
