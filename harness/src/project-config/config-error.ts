/** A stepscore config (or what it points at) that cannot be used; the CLI exits 2 with this message. */
export class ProjectConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProjectConfigError';
  }
}
