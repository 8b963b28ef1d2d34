import { secretFromEnv } from "../../../lib/config/secret-from-env"

/**
 * The secret commerce and the signalling service share (VIDEO_CALL_SECRET): it signs room
 * tokens and the service's reports of call start and end. Never a published default.
 */
export const videoCallSecret = (env: NodeJS.ProcessEnv = process.env) =>
  secretFromEnv("VIDEO_CALL_SECRET", env)
