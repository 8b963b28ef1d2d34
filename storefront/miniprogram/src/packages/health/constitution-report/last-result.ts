/** A visitor's result has no id on the server: the test page leaves it here for the report. */
export const LAST_RESULT_KEY = "health.constitution.last"
