/** Errors that name where bad input came from: source, URL or file, and the field. */

export interface ErrorOrigin {
  /** Source name, e.g. "kolada" or "scb". */
  source: string;
  /** Dataset id within the source, e.g. "kolada:values" or "scb:TAB6572". */
  dataset?: string | undefined;
  url?: string | undefined;
  file?: string | undefined;
}

/** Base class: every pipeline error carries its origin. */
export class PipelineError extends Error {
  readonly origin: ErrorOrigin;
  constructor(origin: ErrorOrigin, message: string, options?: {cause?: unknown}) {
    super(`[${origin.source}${origin.dataset ? ` ${origin.dataset}` : ""}] ${message}${where(origin)}`, options);
    this.name = new.target.name;
    this.origin = origin;
  }
}

function where(o: ErrorOrigin): string {
  const parts = [];
  if (o.url) parts.push(`url: ${o.url}`);
  if (o.file) parts.push(`file: ${o.file}`);
  return parts.length ? `\n  ${parts.join("\n  ")}` : "";
}

/** HTTP failure after the retry cap, or a non-retryable status (400, 404). */
export class HttpError extends PipelineError {
  constructor(
    origin: ErrorOrigin,
    readonly status: number | null,
    message: string,
    readonly attempts: number,
    options?: {cause?: unknown}
  ) {
    super(origin, message, options);
  }
}

/** A body that parsed but did not match the zod schema. */
export class SchemaError extends PipelineError {
  constructor(
    origin: ErrorOrigin,
    readonly issues: readonly {path: string; message: string; value: unknown}[]
  ) {
    super(
      origin,
      `response does not match the expected schema:\n` +
        issues.map((i) => `  - at ${i.path}: ${i.message} (got ${preview(i.value)})`).join("\n")
    );
  }
}

/** A body that is not parseable at all (truncated JSON, an HTML page). */
export class ParseError extends PipelineError {}

/** Requested data that did not come back (empty series, missing cells). */
export class CompletenessError extends PipelineError {}

/** --offline and a raw file is missing. */
export class OfflineMissingError extends PipelineError {}

/** A failed check after staging or computing (all failures listed at once). */
export class CheckError extends Error {
  constructor(readonly failures: readonly string[]) {
    super(`${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
    this.name = "CheckError";
  }
}

/** Short, safe rendering of an offending value for an error message. */
export function preview(value: unknown): string {
  let s: string;
  if (value === undefined) s = "undefined (field missing)";
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      // Circular or BigInt values cannot be stringified; String() is the honest fallback.
      s = String(value);
    }
  }
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/**
 * Wait for every branch, then fail with all their errors: one error as it is, checks merged into one CheckError,
 * anything else as a PipelineError listing each message (the first is its cause).
 */
export async function allOrErrors(branches: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(branches)).flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  if (failed.length === 0) return;
  if (failed.length === 1) throw failed[0];
  if (failed.every((e) => e instanceof CheckError)) throw new CheckError(failed.flatMap((e) => (e as CheckError).failures));
  const messages = failed.map((e) => (e instanceof Error ? e.message : String(e)));
  throw new PipelineError({source: "pipeline"}, `${failed.length} stage branches failed:\n${messages.map((m) => `  - ${m}`).join("\n")}`, {cause: failed[0]});
}
