// The steps of a till's start, as the start screen shows them.

export const START_STEPS = ['config', 'database', 'enrolment', 'catalog', 'devices'] as const;
export type StartStep = (typeof START_STEPS)[number];

/** What startTillServices tells about its progress. */
export interface StartupProgress {
  step(step: StartStep): void;
  /** A step with nothing to do this time (already enrolled, catalog already here). */
  skip(step: StartStep): void;
  /** The first catalog sync: products here, an upper bound of those still to come, and whether the server fails to answer. */
  catalog(have: number, remaining: number, serverFailing: boolean): void;
}
