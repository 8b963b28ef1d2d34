import { videoCallSecret } from "../modules/video-call/rules/video-call-secret"
import { startSignallingServer } from "./signalling-server"

/**
 * Runs the 视频问诊 signalling service: `node .medusa/server/src/video-signalling/main.js`.
 * VIDEO_SIGNALLING_PORT (9010), REDIS_URL, QUEUE_PREFIX, VIDEO_CALL_SECRET (shared with
 * commerce) and VIDEO_CALL_REPORT_URL (commerce's /hooks/video-call).
 */
async function main() {
  const env = process.env
  const commerce = env.MEDUSA_BACKEND_URL || `http://127.0.0.1:${env.COMMERCE_PORT || 9000}`
  const server = await startSignallingServer({
    port: Number(env.VIDEO_SIGNALLING_PORT || 9010),
    host: env.VIDEO_SIGNALLING_HOST || "0.0.0.0",
    redisUrl: env.REDIS_URL || "redis://127.0.0.1:6379",
    prefix: env.QUEUE_PREFIX || undefined,
    secret: videoCallSecret(),
    reportUrl: env.VIDEO_CALL_REPORT_URL || `${commerce}/hooks/video-call`,
    log: (line) => console.log(JSON.stringify({ level: "info", msg: line })),
  })
  console.log(JSON.stringify({ level: "info", msg: `video signalling on :${server.port}` }))
  const stop = () => void server.close().then(() => process.exit(0))
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
