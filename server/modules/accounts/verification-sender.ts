import type { Logger } from 'pino';

/** Delivers a one-time code by email or SMS. Operators plug in a real gateway; the default logs it. */
export interface VerificationSender {
  send(message: { channel: 'email' | 'phone'; target: string; code: string }): Promise<void>;
}

/**
 * Development default: writes the code to the server log so a self-hoster can finish sign-up
 * without an email or SMS provider. Documented in docs/operations.md.
 */
export class LogVerificationSender implements VerificationSender {
  constructor(private readonly log: Logger) {}
  async send({ channel, target, code }: { channel: 'email' | 'phone'; target: string; code: string }): Promise<void> {
    this.log.info({ channel, target }, `verification code for ${target}: ${code} (no ${channel} gateway configured)`);
  }
}
