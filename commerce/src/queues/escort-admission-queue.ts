import { EscortAdmissionJob, QueueName } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { checkEscortCredentials } from "../workflows/escort-admission/check-escort-credentials"
import { remindTrainingRefreshers } from "../workflows/escort-training/remind-training-refreshers"

/** How often escort certificates are checked (ESCORT_CREDENTIAL_CHECK_MS): daily by default. */
const CHECK_EVERY_MS = () => Number(process.env.ESCORT_CREDENTIAL_CHECK_MS || 24 * 3_600_000)

/** 陪诊员入驻: expiry reminders and suspension on lapse, one run at a time, repeated by BullMQ. */
export const escortAdmissionQueue: QueueProcessor = {
  queue: QueueName.ESCORT_ADMISSION,
  concurrency: 1,
  handlers: {
    // Training certificates (复训) are credentials too: their reminder runs with the check.
    [EscortAdmissionJob.CHECK_CREDENTIALS]: async (
      _data: Record<string, never>,
      { container }
    ) => ({
      ...(await checkEscortCredentials(container)),
      refreshers: await remindTrainingRefreshers(container),
    }),
  },
  schedules: [
    {
      id: "escort-credential-check",
      job: EscortAdmissionJob.CHECK_CREDENTIALS,
      everyMs: CHECK_EVERY_MS(),
    },
  ],
}
