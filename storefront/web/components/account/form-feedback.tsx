import type { AccountActionState } from "@/lib/account-actions"

/** A form's refusal (announced) or confirmation, in Chinese. */
export function FormFeedback({ state }: { state: AccountActionState }) {
  if (state?.error) {
    return (
      <p className="form-error" role="alert">
        {state.error}
      </p>
    )
  }
  if (state?.notice) {
    return (
      <p className="form-notice" role="status">
        {state.notice}
      </p>
    )
  }
  return null
}
