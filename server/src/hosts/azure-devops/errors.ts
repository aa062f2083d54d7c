/**
 * Azure DevOps' failures as the provider-neutral kinds of `../errors.ts` (the error policy decides what each means),
 * in its own words (`{message, typeKey}`: TF401174 item, TF401175 version, TF401019 repository or no permission).
 */
import { FileNotFoundError, HostAuthError, HostError, RateLimitError } from '../errors';

export class AzureDevopsNotFoundError extends FileNotFoundError {}

export class AzureDevopsRateLimitError extends RateLimitError {
  constructor(resetAt: number | undefined, status: number) {
    super('Azure DevOps', resetAt, status);
  }
}

/** 401, or the 203 sign-in page: the token is unknown, expired, revoked, or the organization refuses OAuth. */
export class AzureDevopsAuthError extends HostAuthError {
  constructor(message: string) {
    super('Azure DevOps', message);
  }
}

export class AzureDevopsError extends HostError {}

/** The message of Azure DevOps' error body, or the text itself when it is not one. */
export function azureMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') {
      return body.message;
    }
  } catch {
    // not JSON
  }
  return text.trim().slice(0, 200);
}
