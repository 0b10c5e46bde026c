import { EXIT, ScorelineError } from '../core/errors.ts';

/**
 * Why a call to a model failed. `config` (HTTP 401, 403, 404) means the
 * roster or key is wrong and retrying cannot help.
 */
export type LlmFailureKind =
  | 'config'
  | 'rate-limit'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad-request'
  | 'bad-response';

/** A call to an OpenAI-compatible API that gave no usable answer. */
export class LlmRequestError extends ScorelineError {
  readonly kind: LlmFailureKind;
  /** The HTTP status, when the server answered. */
  readonly status: number | null;
  /** The server's `Retry-After` header, when it sent one. */
  readonly retryAfter: string | null;

  constructor(
    kind: LlmFailureKind,
    message: string,
    status: number | null,
    retryAfter: string | null = null,
  ) {
    super(message, EXIT.fatal);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/** A model answered, but no score could be read from the answer. */
export class AnswerParseError extends ScorelineError {
  /** Why the answer is not a score, such as `empty answer`. */
  readonly reason: string;
  /** The answer as received (keys removed), kept for audit. */
  readonly rawAnswer: string | null;

  constructor(reason: string, rawAnswer: string | null = null) {
    super(`no score in the answer: ${reason}`, EXIT.fatal);
    this.reason = reason;
    this.rawAnswer = rawAnswer;
  }
}
