/** The advisory lock a case's decisions take, so two clicks at once are handled one after the other. */
export const escortCaseLockKey = (caseId: string) => `escort-case:${caseId}`
