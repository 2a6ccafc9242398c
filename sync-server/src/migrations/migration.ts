export interface Migration {
  /** Sortable and never reused: applied migrations are recorded by id. */
  readonly id: string;
  readonly sql: string;
}
