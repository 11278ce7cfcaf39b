/** One problem with one input field, as returned in problem+json `errors`. */
export interface FieldIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export interface ErrorSpec {
  readonly status: number;
  readonly title: string;
}

export type ErrorTable = Readonly<Record<string, ErrorSpec>>;

export interface DomainErrorOptions {
  readonly detail?: string;
  readonly errors?: readonly FieldIssue[];
  /** e.g. Retry-After for rate limits; the filter copies them onto the response. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Extra problem members (RFC 9457 extensions), e.g. `conflict` on EDIT_CONFLICT; never overrides the standard ones. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * Services throw these, never HTTP exceptions. The status lives in the feature's error table
 * (x.errors.ts), so services name *what* went wrong and the filter decides how it looks on the wire.
 */
export class DomainError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: readonly FieldIssue[];
  readonly headers?: Readonly<Record<string, string>>;
  readonly extensions?: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: string,
    spec: ErrorSpec,
    options: DomainErrorOptions = {},
  ) {
    super(options.detail ?? spec.title);
    this.status = spec.status;
    this.title = spec.title;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
  }
}

/** Builds a feature's error class from its table: `new SessionError('SESSION_FULL')`. */
export function defineErrors<T extends ErrorTable>(name: string, table: T) {
  return class FeatureError extends DomainError {
    constructor(code: keyof T & string, options?: DomainErrorOptions) {
      super(code, table[code] as ErrorSpec, options);
      this.name = name;
    }
  };
}
